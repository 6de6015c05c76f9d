/**
 * z/OS FTP client lines: EZA2897I (TLS negotiation with the server failed; z/OS Communications
 * Server IP Messages Volume 1) and the client trace's FCnnnn lines that carry a System SSL
 * return code ("FC0311 secure_connect: gsk_secure_socket_init failed, rc = 410"). The FTP client
 * is the client side of the connection by definition.
 */
import { num, rcSignals, timeOf } from "../fields.js";
import type { Recogniser } from "../types.js";

export const ftp: Recogniser = {
  family: "FTP client",
  recognise(text) {
    const time = timeOf(text);
    if (/\bEZA2897I\b/.test(text)) {
      return {
        id: "EZA2897I",
        family: "FTP client",
        summary: "the FTP client could not negotiate TLS with the server",
        side: "client",
        facts: time ? { time } : {},
        signals: [],
        source: "IBM z/OS Communications Server IP Messages Volume 1 (EZA), EZA2897I",
        confidence: "unconfirmed",
      };
    }
    const fc = /(?:^|\s)(FC\d{4})\b/.exec(text);
    if (!fc) return null;
    const rc = num(/\brc\s*[=:]?\s*(\d{1,4})\b/i.exec(text)?.[1]);
    if (rc === undefined) return null;
    return {
      id: fc[1] ?? "FC",
      family: "FTP client",
      summary: `FTP client trace: System SSL return code ${rc}`,
      side: "client",
      facts: { rc, ...(time ? { time } : {}) },
      signals: rc === 0 ? [] : rcSignals(rc).map((s) => ({ ...s, side: "client" as const })),
      source: "z/OS FTP client trace (FC prefix); return codes: IBM System SSL Programming",
      confidence: "third-party",
    };
  },
};
