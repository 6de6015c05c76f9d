/**
 * A model with one defect of each kind the fix job orders (ALTER, CONNECT, RDEFINE/PERMIT,
 * REMOVE) plus one that needs a manual decision, audited with every rule.
 */
import { RULES } from "../../src/audit/rules/index.js";
import type { AuditReport } from "../../src/audit/types.js";
import { aCert, app, aRoot, auditWith, healthySite } from "./builders.js";

export function defectiveReport(): AuditReport {
  const root = aRoot();
  const ftp = aCert("ID(FTPD)", "FTP Server");
  const notrust = aCert("ID(WEBSRV)", "Not Trusted", { status: "NOTRUST" });
  const deadApp = aCert("ID(APPUSR)", "AppServerCert", {
    status: "NOTRUST",
    privateKey: false,
    notAfter: "2026-03-01T23:59:59Z",
  });
  const lonely = aCert("ID(WEBSRV)", "A label long enough to need a continuation", { signer: null });
  const model = healthySite()
    .user("FTPD")
    .user("TCPIP")
    .user("APPUSR")
    .cert(ftp, notrust, deadApp, lonely)
    .ring("FTPD", "FTPRing", [[root], [ftp, { default: true }]])
    .ring("WEBSRV", "WebRing", [[notrust], [deadApp]])
    .ring("WEBSRV", "AVeryLongRingNameThatMakesTheConnectCommandWrapPastColumn71", [
      [lonely, { default: true }],
    ])
    .ring("WEBSRV", "EmptyRing")
    .profile("FACILITY", "IRR.DIGTCERT.LISTRING", "NONE", [
      ["WEBSRV", "READ"],
      ["TCPIP", "UPDATE"],
    ])
    .build();
  return auditWith(RULES, {
    model,
    apps: [app("TCPIP", "FTPD", "FTPRing", { origin: "policy", name: "policy rule FTPServer" })],
  });
}
