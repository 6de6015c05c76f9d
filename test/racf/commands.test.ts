import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codes, codesBesidesRefresh, read } from "./helpers.js";

describe("ADDUSER / ALTUSER / DELUSER / ADDGROUP / CONNECT / REMOVE", () => {
  it("defines users with SPECIAL and DFLTGRP; OMVS and other segments are accepted and ignored", () => {
    const m =
      read(`ADDUSER (secadm web01) SPECIAL DFLTGRP(SYS1) NAME('Security Admin') OMVS(UID(0) HOME('/') PROGRAM('/bin/sh')) TSO(PROC(IKJ))
AU FTPD DFLTGRP(STC) NOPASSWORD`);
    expect(m.state.issues).toEqual([]);
    expect(m.state.users.map((u) => [u.id, u.special, u.implied, u.groups])).toEqual([
      ["SECADM", true, false, ["SYS1"]],
      ["WEB01", true, false, ["SYS1"]],
      ["FTPD", false, false, ["STC"]],
    ]);
  });

  it("ALTUSER SPECIAL/NOSPECIAL and REVOKE; ALTUSER of an undefined user implies it", () => {
    const m = read("ADDUSER A\nALU A SPECIAL\nALTUSER B REVOKE\nALTUSER A NOSPECIAL");
    expect(m.user("A")).toMatchObject({ special: false, implied: false });
    expect(m.user("B")).toMatchObject({ implied: true, revoked: true });
  });

  it("a later ADDUSER turns an implied user into a defined one", () => {
    const m = read("RACDCERT ID(LATE) ADDRING(R)\nADDUSER LATE");
    expect(m.user("LATE")).toMatchObject({ implied: false });
  });

  it("DELUSER removes; unknown users are reported", () => {
    const m = read("ADDUSER A\nDU (A B)");
    expect(m.user("A")).toBeUndefined();
    expect(codes(m)).toEqual([[2, "user-not-found"]]);
  });

  it("DELUSER also removes the user's certificates and rings [UNCONFIRMED]", () => {
    const m = read(`ADDUSER A
RACDCERT ID(A) GENCERT SUBJECTSDN(CN('a')) WITHLABEL('a')
RACDCERT ID(A) ADDRING(R)
RACDCERT ID(B) ADDRING(R)
RACDCERT ID(B) CONNECT(ID(A) LABEL('a') RING(R))
DELUSER A`);
    expect(m.state.certificates).toEqual([]);
    expect(m.state.rings.map((r) => [r.owner, r.connections.length])).toEqual([["B", 0]]);
    expect(m.state.assumptions.some((a) => a.message.startsWith("DELUSER"))).toBe(true);
  });

  it("reports user ids over 8 characters or invalid, with line and column", () => {
    const m = read("ADDUSER TOOLONGUSER\nADDUSER 9ABC\nRACDCERT ID(ABCDEFGHI) ADDRING(R)");
    expect(m.state.users).toEqual([]);
    expect(m.state.issues.map((i) => [i.line, i.column, i.code, i.severity])).toEqual([
      [1, 9, "user-id-too-long", "error"],
      [2, 9, "invalid-user-id", "error"],
      [3, 13, "user-id-too-long", "error"],
    ]);
  });

  it("a PASSWORD on ADDUSER is a finding without the value", () => {
    const m = read("ADDUSER A PASSWORD(Secret1)");
    expect(codes(m)).toEqual([[1, "password-in-job"]]);
    expect(m.state.issues[0]?.message).not.toContain("Secret1");
  });

  it("ADDGROUP, CONNECT user GROUP(g) and REMOVE (the TSO group commands, not RACDCERT)", () => {
    const m = read(
      "AG (STCGRP WEB)\nADDUSER TCPIP\nCO (TCPIP FTPD) GROUP(STCGRP) AUTHORITY(USE)\nREMOVE TCPIP GROUP(STCGRP)\nCONNECT X",
    );
    expect(m.state.groups.map((g) => g.id)).toEqual(["STCGRP", "WEB"]);
    expect(m.user("TCPIP")?.groups).toEqual([]);
    expect(m.user("FTPD")).toMatchObject({ implied: true, groups: ["STCGRP"] });
    expect(codes(m)).toEqual([[5, "group-missing"]]);
  });
});

describe("RDEFINE / RALTER / RDELETE", () => {
  it("defines FACILITY, RDATALIB and STARTED profiles with UACC, APPLDATA and STDATA", () => {
    const m = read(`RDEFINE FACILITY IRR.DIGTCERT.LISTRING UACC(NONE)
RDEF RDATALIB (WEBSRV.WEBRING.LST FTPD.*.LST) UACC(READ) -
  APPLDATA('ring access')
RDEFINE STARTED FTPT*.* STDATA(USER(TCPIP) GROUP(STCGRP) TRUSTED(NO))
RDEFINE STARTED MYPROC.* STDATA(USER(=MEMBER))`);
    expect(m.state.issues.filter((i) => i.code !== "refresh-missing")).toEqual([]);
    expect(m.profile("FACILITY", "IRR.DIGTCERT.LISTRING")).toMatchObject({ uacc: "NONE", generic: false });
    expect(m.profile("RDATALIB", "WEBSRV.WEBRING.LST")).toMatchObject({
      uacc: "READ",
      applData: "ring access",
    });
    expect(m.profile("RDATALIB", "FTPD.*.LST")).toMatchObject({ generic: true });
    expect(m.profile("STARTED", "FTPT*.*")?.stdata).toEqual({ user: "TCPIP", group: "STCGRP" });
    expect(m.user("TCPIP")?.implied).toBe(true);
    expect(m.profile("STARTED", "MYPROC.*")?.stdata).toEqual({ user: "=MEMBER", group: null });
    expect(m.user("=MEMBER")).toBeUndefined();
  });

  it("RALTER changes an existing profile; RDELETE deletes; both report unknown profiles", () => {
    const m = read(`RDEFINE FACILITY A.B UACC(NONE)
RALT FACILITY A.B UACC(READ)
RALTER FACILITY X.Y UACC(READ)
RDEL FACILITY A.B
RDELETE FACILITY A.B
RDEFINE FACILITY C.D
RDEFINE FACILITY C.D`);
    expect(m.profile("FACILITY", "A.B")).toBeUndefined();
    expect(codesBesidesRefresh(m)).toEqual([
      [3, "profile-not-found"],
      [5, "profile-not-found"],
      [7, "profile-exists"],
    ]);
  });

  it("refuses RDEFINE in DIGTCERT/DIGTRING (RACDCERT only) and STDATA outside STARTED", () => {
    const m = read(
      "RDEFINE DIGTRING X UACC(NONE)\nRDEFINE FACILITY X STDATA(USER(A))\nRDEFINE FACILITY Y UACC(BOGUS)",
    );
    expect(codesBesidesRefresh(m)).toEqual([
      [1, "racdcert-only-class"],
      [2, "stdata-not-started"],
      [3, "invalid-access"],
    ]);
  });
});

describe("PERMIT", () => {
  it("adds access entries (default READ), updates them, DELETE and RESET remove them", () => {
    const m = read(`RDEFINE FACILITY IRR.DIGTCERT.LISTRING UACC(NONE)
PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(FTPD TCPIP)
PE IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(TCPIP) ACCESS(UPDATE)
PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(FTPD) DELETE`);
    expect(m.profile("FACILITY", "IRR.DIGTCERT.LISTRING")?.access.map((a) => [a.id, a.level])).toEqual([
      ["TCPIP", "UPDATE"],
    ]);
    expect(m.user("TCPIP")?.implied).toBe(true);
    const r = read(`RDEFINE FACILITY P
PERMIT P CLASS(FACILITY) ID(A) ACCESS(READ)
PERMIT P CLASS(FACILITY) RESET`);
    expect(r.profile("FACILITY", "P")?.access).toEqual([]);
  });

  it("ID(*) and group ids are not users", () => {
    const m = read(
      "ADDGROUP STCGRP\nRDEFINE RDATALIB A.B.LST\nPERMIT A.B.LST CLASS(RDATALIB) ID(* STCGRP) ACCESS(READ)",
    );
    expect(m.state.users).toEqual([]);
    expect(m.profile("RDATALIB", "A.B.LST")?.access.map((a) => a.id)).toEqual(["*", "STCGRP"]);
  });

  it("PERMIT on a profile no input defines: kept, with the assumption that it exists", () => {
    const m = read("PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(FTPD) ACCESS(READ)");
    expect(m.profile("FACILITY", "IRR.DIGTCERT.LISTRING")).toMatchObject({
      uacc: "NONE",
      access: [expect.objectContaining({ id: "FTPD" })],
    });
    expect(codesBesidesRefresh(m)).toEqual([[1, "profile-assumed"]]);
    expect(m.state.assumptions.filter((a) => !a.message.includes("treated as refreshed"))).toHaveLength(1);
  });

  it("reports bad ids and levels, and data set PERMITs are not modelled", () => {
    const m = read(
      "RDEFINE FACILITY P\nPERMIT P CLASS(FACILITY) ID(WAYTOOLONGID) ACCESS(READ)\nPERMIT P CLASS(FACILITY) ID(A) ACCESS(MOST)\nPERMIT 'SYS1.PARMLIB' ID(A)",
    );
    expect(codesBesidesRefresh(m)).toEqual([
      [2, "user-id-too-long"],
      [3, "invalid-access"],
      [4, "not-modelled"],
    ]);
  });
});

describe("SETROPTS", () => {
  it("CLASSACT/RACLIST/GENERIC set class state explicitly", () => {
    const m = read(
      "SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB) GENERIC(RDATALIB)\nSETR NOCLASSACT(STARTED) NORACLIST(STARTED)",
    );
    expect(m.classState("RDATALIB")).toMatchObject({
      active: true,
      raclisted: true,
      generic: true,
      assumed: false,
    });
    expect(m.classState("STARTED")).toMatchObject({ active: false, raclisted: false, assumed: false });
    expect(m.classState("FACILITY").assumed).toBe(true);
  });

  it("RACLIST(x) REFRESH implies x is active and RACLISTed, recorded as an inference", () => {
    const m = read("SETROPTS RACLIST(RDATALIB) REFRESH");
    const s = m.classState("RDATALIB");
    expect(s).toMatchObject({ active: true, raclisted: true, assumed: false });
    expect(s.sources[0]).toMatchObject({ kind: "inferred", line: 1 });
    expect(m.state.assumptions.map((a) => a.message)).toEqual([
      "SETROPTS RACLIST(RDATALIB) REFRESH implies RDATALIB is active and RACLISTed",
    ]);
  });

  it("password and audit options are accepted silently", () => {
    const m = read("SETROPTS PASSWORD(INTERVAL(90)) AUDIT(USER) LIST\nSETROPTS GENCMD(FACILITY)");
    expect(m.state.issues).toEqual([]);
  });
});

describe("unknown commands and keywords, located", () => {
  it("skips unknown commands, ignores unknown and ambiguous keywords (and applies the rest)", () => {
    const m = read(`FROBNICATE X
RDEFINE FACILITY P UACC(READ) COLOUR(BLUE)
RACDCERT ID(A) ADDRING(R) NOT
LISTCAT ENTRIES('X')`);
    expect(
      m.state.issues
        .filter((i) => i.code !== "refresh-missing")
        .map((i) => [i.line, i.column, i.code, i.severity]),
    ).toEqual([
      [1, 1, "unknown-command", "warning"],
      [2, 31, "unknown-keyword", "error"],
      [3, 27, "ambiguous-keyword", "error"],
      [4, 1, "not-racf-command", "info"],
    ]);
    expect(m.profile("FACILITY", "P")?.uacc).toBe("READ");
    expect(m.ring("A", "R")).toBeDefined();
    expect(m.state.issues[2]?.message).toContain("NOTAFTER");
  });

  it("unbalanced quotes and parentheses skip the command with a located error", () => {
    const m = read("RACDCERT ID(A) ADDRING('R1)\nRACDCERT ID(A ADDRING(R2)\nRACDCERT ID(A) ADDRING(R3)");
    expect(m.state.issues.map((i) => [i.file, i.line, i.column, i.code])).toEqual([
      ["deck.txt", 1, 24, "unbalanced-quote"],
      ["deck.txt", 2, 12, "unbalanced-paren"],
    ]);
    expect(m.state.rings.map((r) => r.name)).toEqual(["R3"]);
  });

  it("never throws, whatever the input", () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[ -~]{0,40}$/), { maxLength: 8 }), (rows) => {
        const m = read(rows.join("\n"));
        for (const i of m.state.issues) expect(i.code).not.toBe("internal-error");
      }),
      { numRuns: 200 },
    );
    const words = [
      "RACDCERT",
      "ID(A)",
      "CERTAUTH",
      "ADDRING(R)",
      "CONNECT(",
      "LABEL('x')",
      "RING(R)",
      ")",
      "GENCERT",
      "SUBJECTSDN(CN('a'))",
      "PERMIT",
      "P",
      "CLASS(FACILITY)",
      "ID(B)",
      "SETROPTS",
      "RACLIST(X)",
      "REFRESH",
      "RDEFINE",
      "STARTED",
      "STDATA(USER(A))",
      "-",
      "'",
      "(",
    ];
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom(...words), { maxLength: 8 }), { maxLength: 6 }),
        (lines) => {
          const m = read(lines.map((l) => l.join(" ")).join("\n"));
          for (const i of m.state.issues) {
            expect(i.code).not.toBe("internal-error");
            expect(i.line).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("changes to RACLISTed classes without a refresh", () => {
  it("warns at the first unrefreshed change, and says racfring treats it as in effect", () => {
    const m = read(
      [
        "RDEFINE FACILITY IRR.DIGTCERT.LISTRING UACC(NONE)",
        "SETROPTS RACLIST(FACILITY) REFRESH",
        "PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(TCPIP) ACCESS(READ)",
      ].join("\n"),
    );
    expect(codes(m)).toEqual([[3, "refresh-missing"]]);
    expect(m.profile("FACILITY", "IRR.DIGTCERT.LISTRING")?.access.map((a) => a.id)).toEqual(["TCPIP"]);
    expect(m.state.assumptions.some((a) => a.message.includes("treated as refreshed"))).toBe(true);
  });

  it("is quiet once the class is refreshed, and for classes that are not RACLISTed", () => {
    const m = read(
      [
        "SETROPTS NORACLIST(RDATALIB)",
        "RDEFINE RDATALIB A.B.LST UACC(NONE)",
        "PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(TCPIP) ACCESS(READ)",
        "SETROPTS RACLIST(FACILITY) REFRESH",
      ].join("\n"),
    );
    expect(codes(m).filter(([, c]) => c === "refresh-missing")).toEqual([]);
  });
});
