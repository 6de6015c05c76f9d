/**
 * The select-certificate step (rules §3, field case 3): a configured label is matched exactly and
 * case-sensitively, no label means the ring's DEFAULT, and neither usable → 6 with the fixes an
 * administrator would run. Each case states the trace sentence, the verdict and the commands.
 */
import { describe, expect, it } from "vitest";
import { R } from "../../src/sim/checks/rules.js";
import type { SimRequest, SimResult } from "../../src/sim/simulate.js";
import { BASE, deck, run, serverCert } from "./builders.js";

/**
 * START1 and OTHER each own a certificate 'Spare' (OTHER's defined first, so the fixes' own-first
 * order is the code's doing); START1 also owns 'MQ Server' and an expired 'Old' it made NOTRUST;
 * OTHER also owns 'Other Only'.
 * `conns` are the connections to START1's ring MqRing.
 */
function site(conns: string): string {
  return `${BASE}
  ADDUSER START1 DFLTGRP(STC)
  ADDUSER OTHER DFLTGRP(STC)
  PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(START1) ACCESS(READ)
  ${serverCert("OTHER", "Spare")}
  ${serverCert("START1", "MQ Server")}
  ${serverCert("START1", "Spare")}
  ${serverCert("START1", "Old", "", "NOTBEFORE(DATE(2023-06-01)) NOTAFTER(DATE(2024-06-01))")}
  RACDCERT ID(START1) ALTER(LABEL('Old')) NOTRUST
  ${serverCert("OTHER", "Other Only")}
  RACDCERT ID(START1) ADDRING(MqRing)
  ${conns}
`;
}
const connect = (label: string, extra = "") =>
  `RACDCERT ID(START1) CONNECT(ID(START1) LABEL('${label}') RING(MqRing) USAGE(PERSONAL) ${extra})`;
const MQ = { owner: "START1", name: "MqRing" };

function sim(conns: string, req: Partial<SimRequest> = {}): SimResult {
  return run(deck(site(conns)), { user: "START1", ring: MQ, ...req });
}
function selectStep(r: SimResult) {
  const s = r.steps.find((x) => x.id === "select-certificate");
  if (!s) throw new Error(`no select-certificate step; steps: ${r.steps.map((x) => x.id).join(", ")}`);
  return s;
}
const lines = (r: SimResult, id = "select-certificate") =>
  r.steps.find((x) => x.id === id)?.evidence.map((e) => `${e.file}:${e.line}`);

const RESTART =
  "The application reads its key ring when its System SSL environment is initialised: restart it (or its listener) after the change.";
const PARTNER_438 = {
  rc: 438,
  text: "Internal error reported by remote partner.",
  confidence: "third-party",
};

describe("select-certificate: a configured label", () => {
  it("found: names the entry, its usage, where it was connected and where the label was configured", () => {
    const r = sim(connect("MQ Server", "DEFAULT"), {
      label: "MQ Server",
      policy: {
        file: "pagent.conf",
        rule: "MQRule",
        keyring: null,
        label: { file: "pagent.conf", line: 7, kind: "policy" },
        role: null,
        clientAuth: null,
        protocols: null,
        ciphers: null,
        defaultedProtocols: [],
      },
    });
    const s = selectStep(r);
    expect(s.ok).toBe(true);
    expect(s.title).toBe("Select the local certificate");
    expect(s.detail).toMatch(
      /^Label 'MQ Server' \(configured at pagent\.conf:7\) found: ID\(START1\) 'MQ Server', usage PERSONAL \(deck\.jcl:\d+\)\.$/,
    );
    expect(lines(r)?.slice(-1)).toEqual(["pagent.conf:7"]);
    expect(s.source).toBe(R.label);
    expect(s.confidence).toBe("ibm");
    expect(r.rc).toBe(0);
  });

  it("differs only in case: 6, the ring's spelling named, fix is to configure it exactly", () => {
    const r = sim(connect("MQ Server", "DEFAULT"), { label: "MQ SERVER" });
    const s = selectStep(r);
    expect(s.ok).toBe(false);
    expect(s.detail).toMatch(
      /^Label 'MQ SERVER' is not among the entries the ring returns\. The ring holds 'MQ Server' \(deck\.jcl:\d+\) — labels are case-sensitive\.$/,
    );
    expect(r.rc).toBe(6);
    expect(r.fix).toEqual({
      summary: "Configure the label exactly as RACF has it: 'MQ Server'.",
      commands: [],
      notes: [RESTART],
    });
    expect(r.alternatives).toEqual([]);
    expect(r.partner).toEqual(PARTNER_438);
  });

  it("not connected but defined for two users: connect the user's own first, the other's needs UPDATE on the .LST profile", () => {
    const r = sim(connect("MQ Server", "DEFAULT"), { label: "Spare" });
    expect(selectStep(r).detail).toMatch(
      /^Label 'Spare' is not among the entries the ring returns\. ID\(START1\) 'Spare' exists \(deck\.jcl:\d+\) but is not connected to START1\/MqRing\. ID\(OTHER\) 'Spare' exists \(deck\.jcl:\d+\) but is not connected to START1\/MqRing\.$/,
    );
    expect(lines(r)).toHaveLength(2);
    expect(r.rc).toBe(6);
    expect(r.fix).toEqual({
      summary: "Connect ID(START1) 'Spare' to START1/MqRing with USAGE(PERSONAL), then refresh DIGTRING.",
      commands: [
        "RACDCERT ID(START1) CONNECT(ID(START1) LABEL('Spare') RING('MqRing') USAGE(PERSONAL))",
        "SETROPTS RACLIST(DIGTRING) REFRESH",
      ],
      notes: [RESTART],
    });
    expect(r.alternatives).toEqual([
      {
        summary:
          "Connect ID(OTHER) 'Spare' to START1/MqRing with USAGE(PERSONAL), then refresh DIGTRING. It belongs to another user: START1 will also need UPDATE on START1.MQRING.LST in RDATALIB for its key.",
        commands: [
          "RACDCERT ID(START1) CONNECT(ID(OTHER) LABEL('Spare') RING('MqRing') USAGE(PERSONAL))",
          "SETROPTS RACLIST(DIGTRING) REFRESH",
        ],
        notes: [RESTART],
      },
    ]);
  });

  it("connected but NOTRUST: 6, the definition and the NOTRUST cited, fix marks it TRUST", () => {
    const r = sim(`${connect("MQ Server", "DEFAULT")}\n  ${connect("Old")}`, { label: "Old" });
    expect(selectStep(r).detail).toMatch(
      /^Label 'Old' is not among the entries the ring returns\. ID\(START1\) 'Old' is connected but NOTRUST \(deck\.jcl:\d+, deck\.jcl:\d+\), so it is not returned \(IBM, System SSL return code 6\)\.$/,
    );
    expect(lines(r)).toHaveLength(2);
    expect(r.rc).toBe(6);
    expect(r.fix).toEqual({
      summary:
        "Mark ID(START1) 'Old' TRUST (check first why RACF made it NOTRUST: expired, or issuer unknown).",
      commands: ["RACDCERT ID(START1) ALTER(LABEL('Old')) TRUST", "SETROPTS RACLIST(DIGTCERT) REFRESH"],
      notes: [RESTART],
    });
    // a NOTRUST certificate is not also offered as "exists but is not connected"
    expect(r.alternatives).toEqual([]);
  });

  it("a NOTRUST certificate with that label that is NOT on the ring is not reported as connected", () => {
    const r = sim(connect("MQ Server", "DEFAULT"), { label: "Old" });
    expect(selectStep(r).detail).toBe("Label 'Old' is not among the entries the ring returns.");
  });

  it("nowhere in the inputs: 6, fix connects the user's certificate of that label", () => {
    const r = sim(connect("MQ Server", "DEFAULT"), { label: "Nope" });
    const s = selectStep(r);
    expect(s.detail).toBe("Label 'Nope' is not among the entries the ring returns.");
    expect(s.evidence).toEqual([]);
    expect(r.fix).toEqual({
      summary:
        "Connect the certificate labelled 'Nope' to START1/MqRing (USAGE(PERSONAL)), or configure the label of a certificate that is on the ring.",
      commands: [
        "RACDCERT ID(START1) CONNECT(ID(START1) LABEL('Nope') RING('MqRing') USAGE(PERSONAL))",
        "SETROPTS RACLIST(DIGTRING) REFRESH",
      ],
      notes: [RESTART],
    });
    expect(r.alternatives).toEqual([]);
  });
});

describe("select-certificate: no label, the ring's DEFAULT", () => {
  it("DEFAULT present: selected, named with its usage", () => {
    const r = sim(connect("MQ Server", "DEFAULT"));
    const s = selectStep(r);
    expect(s.ok).toBe(true);
    expect(s.detail).toMatch(
      /^No label configured: the ring's DEFAULT certificate is ID\(START1\) 'MQ Server', usage PERSONAL \(deck\.jcl:\d+\)\.$/,
    );
    expect(s.source).toBe(R.dflt);
    expect(r.rc).toBe(0);
  });

  it("entries but none DEFAULT (field case 3): 6, fix reconnects the usable one as DEFAULT, alternative configures its label", () => {
    const r = sim(connect("MQ Server"));
    const s = selectStep(r);
    expect(s.ok).toBe(false);
    expect(s.detail).toBe("No label configured and no entry is marked DEFAULT ('MQ Server' PERSONAL).");
    expect(s.source).toBe(R.dflt);
    expect(s.confidence).toBe("third-party");
    expect(lines(r)).toHaveLength(1);
    expect(r.rc).toBe(6);
    expect(r.confidence).toBe("third-party");
    expect(r.fix).toEqual({
      summary:
        "Make ID(START1) 'MQ Server' the ring's DEFAULT (connecting it again with DEFAULT moves the default), then refresh DIGTRING.",
      commands: [
        "RACDCERT ID(START1) CONNECT(ID(START1) LABEL('MQ Server') RING('MqRing') USAGE(PERSONAL) DEFAULT)",
        "SETROPTS RACLIST(DIGTRING) REFRESH",
        "SETROPTS RACLIST(DIGTCERT) REFRESH",
      ],
      notes: [RESTART],
    });
    expect(r.alternatives).toEqual([
      {
        summary: "Or configure its label ('MQ Server') in the application / policy (CertificateLabel).",
        commands: [],
        notes: [RESTART],
      },
    ]);
    expect(r.partner).toEqual(PARTNER_438);
  });

  it("the DEFAULT is NOTRUST: the ring returns nothing; fix marks it TRUST, alternative connects a usable one", () => {
    const r = sim(connect("Old", "DEFAULT"));
    const s = selectStep(r);
    expect(s.detail).toBe("No label configured and the ring returns no certificates at all.");
    expect(s.source).toBe(`${R.dflt}; other APIs may report 7 "No certificates available" [UNCONFIRMED]`);
    expect(r.rc).toBe(6);
    expect(r.fix).toEqual({
      summary:
        "The ring's DEFAULT ID(START1) 'Old' is NOTRUST, so it is not returned (IBM, System SSL return code 6): if it is the right certificate, mark it TRUST again and refresh DIGTCERT.",
      commands: ["RACDCERT ID(START1) ALTER(LABEL('Old')) TRUST", "SETROPTS RACLIST(DIGTCERT) REFRESH"],
      notes: [RESTART],
    });
    expect(r.alternatives).toHaveLength(1);
    expect(r.alternatives[0]?.summary).toMatch(
      /^Connect ID\(START1\) 'MQ Server' \(deck\.jcl:\d+\) to START1\/MqRing with USAGE\(PERSONAL\) DEFAULT, then refresh DIGTRING and DIGTCERT\.$/,
    );
  });

  it("an empty ring: 6, fix connects the user's own usable certificate as DEFAULT", () => {
    const r = sim("");
    const s = selectStep(r);
    expect(s.detail).toBe("No label configured and the ring returns no certificates at all.");
    expect(s.evidence).toEqual([]);
    expect(r.fix?.commands).toEqual([
      "RACDCERT ID(START1) CONNECT(ID(START1) LABEL('MQ Server') RING('MqRing') USAGE(PERSONAL) DEFAULT)",
      "SETROPTS RACLIST(DIGTRING) REFRESH",
      "SETROPTS RACLIST(DIGTCERT) REFRESH",
    ]);
    expect(r.alternatives).toEqual([]);
  });

  it("a virtual ring has no DEFAULT: 6, fix is to configure a label, naming one of the user's own", () => {
    const r = run(deck(site("")), { user: "START1", ring: { owner: "START1", name: "*" } });
    const s = selectStep(r);
    expect(s.detail).toBe(
      "No label configured and no entry is marked DEFAULT ('MQ Server' PERSONAL, 'Spare' PERSONAL). Virtual rings have no default: configure a label.",
    );
    expect(r.rc).toBe(6);
    expect(r.fix).toEqual({
      summary:
        "Configure the certificate label explicitly (e.g. 'MQ Server'): a virtual ring has no DEFAULT.",
      commands: [],
      notes: [RESTART],
    });
    expect(r.alternatives).toEqual([]);
  });
});

describe("select-certificate: client role", () => {
  it("the server asks for no certificate: not needed, verdict open, the configured label mentioned", () => {
    const r = sim(connect("MQ Server"), { role: "client", clientAuth: "none", label: "X" });
    const s = selectStep(r);
    expect(s.ok).toBeNull();
    expect(s.detail).toBe(
      "Client role and the server does not ask for a certificate: no local certificate is needed (label 'X' would only matter if the server asked).",
    );
    expect(s.source).toBe("a client certificate is needed only when the server asks for one (rules §3)");
  });

  it("no label, no DEFAULT, server requires a certificate: the server fails with 403, fix connects one as DEFAULT", () => {
    const r = sim(connect("MQ Server"), { role: "client", clientAuth: "required" });
    const s = selectStep(r);
    expect(s.ok).toBe(false);
    expect(s.detail).toBe(
      "No label configured and the ring has no DEFAULT certificate: the client sends no certificate. The server requires one (ClientAuthType Required) and will fail with 403.",
    );
    expect(s.source).toBe(R.peer);
    expect(r.rc).toBe(403);
    expect(r.fix?.commands[0]).toBe(
      "RACDCERT ID(START1) CONNECT(ID(START1) LABEL('MQ Server') RING('MqRing') USAGE(PERSONAL) DEFAULT)",
    );
  });

  it("no label, no DEFAULT, server only asks (passthru): goes on without one, verdict open", () => {
    const r = sim(connect("MQ Server"), { role: "client", clientAuth: "passthru" });
    const s = selectStep(r);
    expect(s.ok).toBeNull();
    expect(s.detail).toBe(
      "No label configured and the ring has no DEFAULT certificate: the client sends no certificate. The server asks with ClientAuthType passthru and goes on without one.",
    );
    expect(r.rc).not.toBe(403);
  });
});

describe("select-certificate: the details an administrator acts on", () => {
  it("label found without a policy: no 'configured at', only the connection as evidence", () => {
    const r = sim(connect("MQ Server", "DEFAULT"), { label: "MQ Server" });
    const s = selectStep(r);
    expect(s.detail).toMatch(
      /^Label 'MQ Server' found: ID\(START1\) 'MQ Server', usage PERSONAL \(deck\.jcl:\d+\)\.$/,
    );
    expect(s.evidence).toHaveLength(1);
  });

  it("label not found: the step is titled, the failure is IBM-documented", () => {
    const r = sim(connect("MQ Server", "DEFAULT"), { label: "Nope" });
    expect(selectStep(r).title).toBe("Select the local certificate");
    expect(r.confidence).toBe("ibm");
  });

  it("a NOTRUST certificate on the ring with ANOTHER label is not blamed for the missing one", () => {
    const r = sim(`${connect("MQ Server", "DEFAULT")}\n  ${connect("Old")}`, { label: "Spare" });
    const s = selectStep(r);
    expect(s.detail).not.toContain("'Old'");
    expect(s.detail).toMatch(
      /^Label 'Spare' is not among the entries the ring returns\. ID\(START1\) 'Spare' exists/,
    );
  });

  it("virtual ring, label of the user's own NOTRUST certificate: not returned, fix marks it TRUST", () => {
    const r = run(deck(site("")), { user: "START1", ring: { owner: "START1", name: "*" }, label: "Old" });
    expect(selectStep(r).detail).toMatch(
      /^Label 'Old' is not among the entries the ring returns\. ID\(START1\) 'Old' is connected but NOTRUST/,
    );
    expect(r.fix?.commands[0]).toBe("RACDCERT ID(START1) ALTER(LABEL('Old')) TRUST");
  });

  it("virtual ring, label of another user's certificate: nothing can be connected to a virtual ring, so none is offered", () => {
    const r = run(deck(site("")), {
      user: "START1",
      ring: { owner: "START1", name: "*" },
      label: "Other Only",
    });
    expect(selectStep(r).detail).toBe("Label 'Other Only' is not among the entries the ring returns.");
    expect(JSON.stringify([r.fix, ...r.alternatives])).not.toContain("ID(OTHER) 'Other Only'");
  });

  it("another user's virtual ring: the label fix suggests none of that user's certificates as 'e.g.'", () => {
    // UPDATE on LISTRING opens another user's ring (rules §1)
    const permit = "PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(START1) ACCESS(UPDATE)";
    const r = run(deck(site(permit)), { user: "START1", ring: { owner: "OTHER", name: "*" } });
    expect(selectStep(r).detail).toBe(
      "No label configured and no entry is marked DEFAULT ('Spare' PERSONAL, 'Other Only' PERSONAL). Virtual rings have no default: configure a label.",
    );
    expect(r.fix?.summary).toBe("Configure the certificate label explicitly: a virtual ring has no DEFAULT.");
  });

  it("no DEFAULT and only another user's certificate (its key never comes back under FACILITY checking): connect the user's own instead", () => {
    const r = sim("RACDCERT ID(START1) CONNECT(ID(OTHER) LABEL('Spare') RING(MqRing) USAGE(PERSONAL))");
    expect(selectStep(r).detail).toBe(
      "No label configured and no entry is marked DEFAULT ('Spare' PERSONAL).",
    );
    expect(r.fix?.summary).toMatch(
      /^Connect ID\(START1\) 'MQ Server' \(deck\.jcl:\d+\) to START1\/MqRing with USAGE\(PERSONAL\) DEFAULT/,
    );
    expect(JSON.stringify([r.fix, ...r.alternatives])).not.toContain(
      "Make ID(OTHER) 'Spare' the ring's DEFAULT",
    );
  });

  it("client role, server asks for nothing, no label: no parenthesis, no evidence, titled", () => {
    const r = sim(connect("MQ Server"), { role: "client", clientAuth: "none" });
    const s = selectStep(r);
    expect(s.title).toBe("Select the local certificate");
    expect(s.detail).toBe(
      "Client role and the server does not ask for a certificate: no local certificate is needed.",
    );
    expect(s.evidence).toEqual([]);
  });

  it("client role, server requires a certificate: titled, no evidence, the 403 is IBM-documented", () => {
    const r = sim(connect("MQ Server"), { role: "client", clientAuth: "required" });
    const s = selectStep(r);
    expect(s.title).toBe("Select the local certificate");
    expect(s.evidence).toEqual([]);
    expect(r.confidence).toBe("ibm");
  });

  it("client role, configured label missing: 6 and no partner code (the partner is the server, not a client)", () => {
    const r = sim(connect("MQ Server"), { role: "client", clientAuth: "required", label: "Nope" });
    expect(r.rc).toBe(6);
    expect(r.partner).toBeNull();
  });

  it("no DEFAULT: the step is titled", () => {
    expect(selectStep(sim(connect("MQ Server"))).title).toBe("Select the local certificate");
    expect(selectStep(sim(connect("MQ Server", "DEFAULT"))).title).toBe("Select the local certificate");
  });
});
