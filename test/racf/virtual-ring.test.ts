/** A CONNECT to RING(*) — a user's virtual ring — is one RACF rejects: lint and the reader say so. */
import { describe, expect, it } from "vitest";
import { lintJcl } from "../../src/lint/lint.js";
import { read } from "./helpers.js";

const deck = [
  "RACDCERT ID(WEBSRV) GENCERT SUBJECTSDN(CN('w')) WITHLABEL('W')",
  "RACDCERT ID(WEBSRV) CONNECT(LABEL('W') RING(*) DEFAULT)",
  "SETROPTS RACLIST(DIGTCERT DIGTRING) REFRESH",
].join("\n");

describe("CONNECT to a virtual ring", () => {
  it("is a lint error at the ring operand", () => {
    const issues = lintJcl(deck, "v.jcl").issues.filter((i) => i.code === "connect-virtual-ring");
    expect(issues.map((i) => `${i.line}:${i.column} ${i.severity}`)).toEqual(["2:45 error"]);
  });

  it("is rejected by the reader, which creates no ring named *", () => {
    const m = read(deck);
    const issue = m.state.issues.find((i) => i.code === "virtual-ring");
    expect(issue?.severity).toBe("error");
    expect(issue?.message).toContain("ADDRING a real ring");
    expect(m.ring("WEBSRV", "*")).toBeUndefined();
  });
});
