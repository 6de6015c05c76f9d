/**
 * Decode the first bytes of a record System SSL could not parse. A TLS record starts with a
 * content type 20–24 (RFC 8446 §5.1) and version 3.x; anything else is not TLS. When the bytes
 * are printable ASCII or EBCDIC (code page 037), the partner sent text — an FTP reply "550 ",
 * an HTTP "HTTP/1.1" — where a TLS record was expected (field case 11).
 */

/** EBCDIC code page 037 → ASCII for the printable characters a plain-text reply uses. */
const EBCDIC: Record<number, string> = { 64: " ", 75: ".", 77: "(", 78: "+", 80: "&" };
Object.assign(EBCDIC, { 90: "!", 91: "$", 92: "*", 93: ")", 94: ";", 96: "-", 97: "/" });
Object.assign(EBCDIC, { 107: ",", 108: "%", 109: "_", 110: ">", 111: "?", 122: ":", 123: "#" });
Object.assign(EBCDIC, { 124: "@", 125: "'", 126: "=", 127: '"' });
for (let i = 0; i < 10; i++) EBCDIC[0xf0 + i] = String(i);
const ranges: [number, string][] = [
  [0xc1, "ABCDEFGHI"],
  [0xd1, "JKLMNOPQR"],
  [0xe2, "STUVWXYZ"],
  [0x81, "abcdefghi"],
  [0x91, "jklmnopqr"],
  [0xa2, "stuvwxyz"],
];
for (const [start, letters] of ranges) {
  [...letters].forEach((ch, i) => {
    EBCDIC[start + i] = ch;
  });
}

export interface HeaderDecoding {
  bytes: number[];
  tls: boolean;
  ascii: string | null;
  ebcdic: string | null;
}

/** Hex bytes as traces print them: "35 35 30 20", "0x35353020", "35353020". At most 16 bytes. */
export function parseHexBytes(text: string): number[] | null {
  const t = text.trim().replace(/^0x/i, "");
  const groups = /^[0-9a-f]{2}(?:[\s:.-][0-9a-f]{2}){1,15}$/i.test(t)
    ? t.split(/[\s:.-]/)
    : /^(?:[0-9a-f]{2}){2,16}$/i.test(t)
      ? (t.match(/../g) ?? [])
      : null;
  return groups ? groups.map((g) => Number.parseInt(g, 16)) : null;
}

export function decodeHeader(bytes: number[]): HeaderDecoding {
  const first = bytes[0] ?? -1;
  const tls = first >= 20 && first <= 24 && bytes[1] === 3;
  const ascii = bytes.every((b) => (b >= 0x20 && b <= 0x7e) || b === 0x0d || b === 0x0a)
    ? String.fromCharCode(...bytes)
        .replace(/\r/g, "\\r")
        .replace(/\n/g, "\\n")
    : null;
  const eb = bytes.map((b) => EBCDIC[b]);
  const ebcdic = eb.every((c) => c !== undefined) ? eb.join("") : null;
  return { bytes, tls, ascii, ebcdic };
}

/** A content type byte as text, when it is a printable ASCII or EBCDIC character. */
export function contentTypeChar(type: number): string | null {
  const d = decodeHeader([type]);
  if (d.ascii) return `ASCII "${d.ascii}"`;
  if (d.ebcdic) return `EBCDIC "${d.ebcdic}"`;
  return null;
}
