/**
 * What every check shares (src/sim/checks/context.ts) and what the driver adds
 * (src/sim/simulate.ts): list-of-groups checking as a condition, the ICH408I a denial logs with
 * the task's group, the virtual rings' RDATALIB names, the DEFAULT-certificate fix, the AT-TLS
 * messages and the event a failure is reported at.
 */
import { describe, expect, it } from "vitest";
import type { SimRequest, SimResult } from "../../src/sim/simulate.js";
import type { PolicyOrigin } from "../../src/sim/types.js";
import { BASE, deck, run, serverCert } from "./builders.js";

/** START1's own ring MqRing; `extra` from line 18. */
const site = (extra: string) => `${BASE}
  ADDUSER START1 DFLTGRP(STC)
  ${serverCert("START1", "MQ Server")}
  RACDCERT ID(START1) ADDRING(MqRing)
  RACDCERT ID(START1) CONNECT(ID(START1) LABEL('MQ Server') RING(MqRing) USAGE(PERSONAL) DEFAULT)
${extra}`;
const MQ = { owner: "START1", name: "MqRing" };
const READ = "PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(START1) ACCESS(READ)";
const sim = (extra: string, req: Partial<SimRequest> = {}): SimResult =>
  run(deck(site(extra)), { user: "START1", ring: MQ, ...req });
const POLICY: PolicyOrigin = {
  file: "p.conf",
  rule: "R",
  keyring: null,
  label: null,
  role: null,
  clientAuth: null,
  protocols: null,
  ciphers: null,
  defaultedProtocols: [],
};
const RESTART =
  "The application reads its key ring when its System SSL environment is initialised: restart it (or its listener) after the change.";
const POLICY_REFRESH =
  "Running AT-TLS environments keep the ring they read at initialisation: refresh the policy (F PAGENT,REFRESH — use your Policy Agent's procedure name) or restart the application so the ring is read again (rules §6, field case 1).";

describe("access through another group: list-of-groups checking", () => {
  it("GRPLIST not in the inputs: READ through WEBGRP counts on a stated condition, NOGRPLIST gives 202", () => {
    const r = sim(`ADDGROUP WEBGRP
      CONNECT START1 GROUP(WEBGRP)
      PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(WEBGRP) ACCESS(READ)`);
    expect(r.rc).toBe(0);
    expect(r.conditions).toEqual([
      {
        kind: "configuration",
        text: "list-of-groups checking (SETROPTS GRPLIST) is active, so START1's group WEBGRP counts on FACILITY IRR.DIGTCERT.LISTRING (the inputs do not say)",
        decide: ["SETROPTS LIST"],
        step: "authorize-ring",
      },
    ]);
    expect(r.outcomes).toEqual([
      {
        rc: 202,
        text: "Error detected while opening the certificate database.",
        condition:
          "SETROPTS NOGRPLIST: only START1's current connect group (STC) counts on FACILITY IRR.DIGTCERT.LISTRING",
        confidence: "ibm",
      },
    ]);
    expect(r.assumptions).toContain(
      "SETROPTS GRPLIST (list-of-groups checking) assumed active: no input says; with NOGRPLIST only the current connect group's access counts",
    );
  });

  it("GRPLIST in the inputs: no condition", () => {
    const r = sim(`SETROPTS GRPLIST
      ADDGROUP WEBGRP
      CONNECT START1 GROUP(WEBGRP)
      PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(WEBGRP) ACCESS(READ)`);
    expect(r.rc).toBe(0);
    expect(r.conditions).toEqual([]);
    expect(r.outcomes).toEqual([]);
  });

  it("a started task's STDATA GROUP is the group ICH408I names", () => {
    const r = sim(
      `ADDGROUP WEBGRP
      CONNECT START1 GROUP(WEBGRP)
      RDEFINE STARTED MQ.* STDATA(USER(START1) GROUP(WEBGRP))
      SETROPTS NOGRPLIST`,
      { userOrigin: { description: "STARTED MQ.*", startedProfile: "MQ.*", sources: [] } },
    );
    expect(r.rc).toBe(202);
    expect(r.messages).toEqual([
      "ICH408I USER(START1) GROUP(WEBGRP) IRR.DIGTCERT.LISTRING CL(FACILITY) INSUFFICIENT ACCESS AUTHORITY ACCESS INTENT(READ) ACCESS ALLOWED(NONE)",
    ]);
  });

  it("under NOGRPLIST the started task's STDATA GROUP is the group whose access counts", () => {
    const started = {
      userOrigin: { description: "STARTED MQ.*", startedProfile: "MQ.*", sources: [] },
    };
    const text = (stdataGroup: string) => `ADDGROUP WEBGRP
      CONNECT START1 GROUP(WEBGRP)
      RDEFINE STARTED MQ.* STDATA(USER(START1) GROUP(${stdataGroup}))
      SETROPTS NOGRPLIST
      PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(WEBGRP) ACCESS(READ)`;
    expect(sim(text("WEBGRP"), started).rc).toBe(0);
    expect(sim(text("STC"), started).rc).toBe(202);
  });

  it("a user the inputs do not define: ICH408I names no group", () => {
    const r = run(deck(site("")), { user: "NOBODY", ring: MQ, role: "client" });
    expect(r.rc).toBe(202);
    expect(r.messages).toEqual([
      "ICH408I USER(NOBODY) IRR.DIGTCERT.LISTRING CL(FACILITY) INSUFFICIENT ACCESS AUTHORITY ACCESS INTENT(UPDATE) ACCESS ALLOWED(NONE)",
    ]);
  });
});

describe("virtual rings' RDATALIB resources (names unconfirmed)", () => {
  it("*SITE*/* is SITECERTIF.IRR_VIRTUAL_KEYRING.LST", () => {
    const r = sim("", { ring: { owner: "*SITE*", name: "*" }, role: "client" });
    expect(r.rc).toBe(202);
    expect(r.confidence).toBe("unconfirmed");
    expect(r.fix?.summary).toBe(
      "Permit START1 READ to IRR.DIGTCERT.LISTRING (*SITE*/*), then refresh FACILITY.",
    );
    expect(r.alternatives.map((f) => f.commands[1])).toEqual([
      "PERMIT SITECERTIF.IRR_VIRTUAL_KEYRING.LST CLASS(RDATALIB) ID(START1) ACCESS(READ)",
    ]);
  });

  it("a user's virtual ring is <USER>.IRR_VIRTUAL_KEYRING.LST", () => {
    const r = sim("ADDUSER OTHER DFLTGRP(STC)", {
      user: "OTHER",
      ring: { owner: "START1", name: "*" },
      role: "client",
    });
    expect(r.rc).toBe(202);
    expect(r.alternatives.map((f) => f.commands[1])).toContainEqual(
      "PERMIT START1.IRR_VIRTUAL_KEYRING.LST CLASS(RDATALIB) ID(OTHER) ACCESS(READ)",
    );
  });
});

describe("no DEFAULT certificate on the ring: the fix connects one", () => {
  it("the user owns one: connect it DEFAULT", () => {
    const r = sim(`${READ}\n RACDCERT ID(START1) ADDRING(Empty)`, {
      ring: { owner: "START1", name: "Empty" },
    });
    expect(r.rc).toBe(6);
    expect(r.fix).toEqual({
      summary:
        "Connect ID(START1) 'MQ Server' (deck.jcl:9) to START1/Empty with USAGE(PERSONAL) DEFAULT, then refresh DIGTRING and DIGTCERT.",
      commands: [
        "RACDCERT ID(START1) CONNECT(ID(START1) LABEL('MQ Server') RING('Empty') USAGE(PERSONAL) DEFAULT)",
        "SETROPTS RACLIST(DIGTRING) REFRESH",
        "SETROPTS RACLIST(DIGTCERT) REFRESH",
      ],
      notes: [RESTART],
    });
  });

  it("a valid certificate is preferred to an expired one, and a NOTRUST one is never proposed", () => {
    const r = sim(
      `${READ}
      ${serverCert("START1", "Old", "", "NOTBEFORE(DATE(2023-01-01)) NOTAFTER(DATE(2024-01-01))")}
      ${serverCert("START1", "Distrusted")}
      RACDCERT ID(START1) ALTER(LABEL('Distrusted')) NOTRUST
      RACDCERT ID(START1) ADDRING(Empty)`,
      { ring: { owner: "START1", name: "Empty" } },
    );
    expect(r.fix?.commands[0]).toBe(
      "RACDCERT ID(START1) CONNECT(ID(START1) LABEL('MQ Server') RING('Empty') USAGE(PERSONAL) DEFAULT)",
    );
  });

  it("the certificate proposed: trusted, with a key, valid before expired, whatever the order of definition", () => {
    const text = (certs: string) => `ADDUSER OTHER DFLTGRP(STC)
      PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(OTHER) ACCESS(READ)
      ${certs}
      RACDCERT ID(OTHER) ADDRING(Empty)`;
    const req = { user: "OTHER", ring: { owner: "OTHER", name: "Empty" } };
    const model = deck(
      site(
        text(`${serverCert("OTHER", "Distrusted")}
      RACDCERT ID(OTHER) ALTER(LABEL('Distrusted')) NOTRUST
      ${serverCert("OTHER", "Old", "", "NOTBEFORE(DATE(2023-01-01)) NOTAFTER(DATE(2024-01-01))")}
      ${serverCert("OTHER", "Keyless")}
      ${serverCert("OTHER", "Good")}`),
      ),
    );
    const keyless = model.certificate("ID(OTHER)", "Keyless");
    if (!keyless) throw new Error("no certificate");
    keyless.privateKey = false;
    expect(run(model, req).fix?.commands[0]).toBe(
      "RACDCERT ID(OTHER) CONNECT(ID(OTHER) LABEL('Good') RING('Empty') USAGE(PERSONAL) DEFAULT)",
    );
    // Only an expired one: still proposed (renewing it is the next step), rather than a new one.
    const onlyOld = run(
      deck(
        site(text(serverCert("OTHER", "Old", "", "NOTBEFORE(DATE(2023-01-01)) NOTAFTER(DATE(2024-01-01))"))),
      ),
      req,
    );
    expect(onlyOld.fix?.commands[0]).toBe(
      "RACDCERT ID(OTHER) CONNECT(ID(OTHER) LABEL('Old') RING('Empty') USAGE(PERSONAL) DEFAULT)",
    );
  });

  it("the user owns none: generate one with placeholders, connect it DEFAULT; a policy gets the policy note", () => {
    const r = sim(
      `ADDUSER OTHER DFLTGRP(STC)
      PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(OTHER) ACCESS(READ)
      RACDCERT ID(OTHER) ADDRING(Empty)`,
      { user: "OTHER", ring: { owner: "OTHER", name: "Empty" }, policy: POLICY },
    );
    expect(r.rc).toBe(6);
    expect(r.fix).toEqual({
      summary:
        "OTHER owns no usable certificate in the inputs: generate one (replace the subject, and add SIGNWITH for your CA), connect it PERSONAL DEFAULT, refresh.",
      commands: [
        "RACDCERT ID(OTHER) GENCERT SUBJECTSDN(CN('<host name>')) RSA SIZE(2048) NOTAFTER(DATE(2027-01-15)) WITHLABEL('OTHER TLS') KEYUSAGE(HANDSHAKE) SIGNWITH(CERTAUTH LABEL('<CA label>'))",
        "RACDCERT ID(OTHER) CONNECT(ID(OTHER) LABEL('OTHER TLS') RING('Empty') USAGE(PERSONAL) DEFAULT)",
        "SETROPTS RACLIST(DIGTRING) REFRESH",
        "SETROPTS RACLIST(DIGTCERT) REFRESH",
      ],
      notes: [POLICY_REFRESH],
    });
  });
});

describe("the driver: event, AT-TLS messages", () => {
  it("202 under a policy: Environment Master Init, and the three EZD1287I AT-TLS writes", () => {
    const r = sim("", { policy: POLICY });
    expect(r.rc).toBe(202);
    expect(r.event).toBe("Environment Master Init");
    expect(r.messages).toEqual([
      "ICH408I USER(START1) GROUP(STC) IRR.DIGTCERT.LISTRING CL(FACILITY) INSUFFICIENT ACCESS AUTHORITY ACCESS INTENT(READ) ACCESS ALLOWED(NONE)",
      "EZD1287I TTLS Error RC:  202 Environment Master Init  RULE: R  USERID: START1",
      "EZD1287I TTLS Error RC:  202 Environment Link  RULE: R  USERID: START1",
      "EZD1287I TTLS Error RC: 5006 Initial Handshake  RULE: R  USERID: START1",
    ]);
  });

  it("202 without a policy: Environment Init, no EZD1287I", () => {
    const r = sim("");
    expect(r.event).toBe("Environment Init");
    expect(r.messages.filter((m) => m.startsWith("EZD1287I"))).toEqual([]);
  });

  it("another code on this side under a policy: one EZD1287I at Initial Handshake, the code right-aligned", () => {
    const r = sim(READ, { policy: POLICY, clientAuth: "required", peerCertificates: [] });
    expect(r.rc).toBe(403);
    expect(r.side).toBe("server");
    expect(r.event).toBe("Initial Handshake");
    expect(r.messages).toEqual(["EZD1287I TTLS Error RC:  403 Initial Handshake  RULE: R  USERID: START1"]);
  });

  it("a code the partner logs: no EZD1287I on this side", () => {
    const r = sim(
      `${READ}
      RACDCERT ID(START1) ADDRING(CRING)
      RACDCERT ID(START1) CONNECT(CERTAUTH LABEL('Example Root CA') RING(CRING) USAGE(CERTAUTH))`,
      { ring: { owner: "START1", name: "CRING" }, role: "client", clientAuth: "required", policy: POLICY },
    );
    expect(r.rc).toBe(403);
    expect(r.side).toBe("server");
    expect(r.messages).toEqual([]);
  });

  it("a success is only as sure as the weakest rule a decided step rests on", () => {
    const r = sim(READ, {
      user: "START1",
      ring: { owner: "*AUTH*", name: "*" },
      role: "client",
    });
    expect(r.rc).toBe(0);
    expect(r.steps.find((x) => x.id === "authorize-ring")?.confidence).toBe("unconfirmed");
    expect(r.confidence).toBe("unconfirmed");
  });

  it("success: no messages, no fix, no partner; 0's text", () => {
    const r = sim(READ, { policy: POLICY });
    expect(r.rc).toBe(0);
    expect(r.text).toBe("(success)");
    expect(r.event).toBe("Initial Handshake");
    expect(r.messages).toEqual([]);
    expect(r.fix).toBeNull();
    expect(r.partner).toBeNull();
    expect(r.label).toBe("MQ Server");
    expect(r.keyring).toBe("START1/MqRing");
    expect(r.user).toBe("START1");
  });
});
