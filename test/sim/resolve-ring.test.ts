/**
 * The resolve-ring step (rules §1: ring names are case-sensitive and owned by users; field
 * case 1): a ring that exists, a virtual ring, and a ring that does not exist → 202 with the ring
 * the administrator probably meant (same name in another case, same name under another owner),
 * or the commands that create it. Each case states the trace sentence, the verdict and the fix.
 */
import { describe, expect, it } from "vitest";
import { R } from "../../src/sim/checks/rules.js";
import type { SimResult } from "../../src/sim/simulate.js";
import type { PolicyOrigin } from "../../src/sim/types.js";
import { BASE, deck, run, serverCert } from "./builders.js";

/** START1 owns MqRing (one certificate); START2 owns MQRING and MqRing, both empty. */
const model = () =>
  deck(`${BASE}
  ADDUSER START1 DFLTGRP(STC)
  ADDUSER START2 DFLTGRP(STC)
  PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(START1) ACCESS(READ)
  ${serverCert("START1", "MQ Server")}
  RACDCERT ID(START1) ADDRING(MqRing)
  RACDCERT ID(START1) CONNECT(ID(START1) LABEL('MQ Server') RING(MqRing) USAGE(PERSONAL) DEFAULT)
  RACDCERT ID(START2) ADDRING(MQRING)
  RACDCERT ID(START2) ADDRING(MqRing)
`);

function resolveStep(r: SimResult) {
  const s = r.steps.find((x) => x.id === "resolve-ring");
  if (!s) throw new Error(`no resolve-ring step; steps: ${r.steps.map((x) => x.id).join(", ")}`);
  return s;
}

const RESTART =
  "The application reads its key ring when its System SSL environment is initialised: restart it (or its listener) after the change.";
const POLICY_REFRESH =
  "Running AT-TLS environments keep the ring they read at initialisation: refresh the policy (F PAGENT,REFRESH — use your Policy Agent's procedure name) or restart the application so the ring is read again (rules §6, field case 1).";
const PARTNER_406 = { rc: 406, text: "Error while reading or writing data.", confidence: "third-party" };
const nameIt = (ring: string) => ({
  summary: `Name the ring that exists: configure the application's key ring as ${ring}.`,
  commands: [],
  notes: [RESTART],
});

describe("resolve-ring: a real ring", () => {
  it("exists: named with its owner, where it was defined and how many certificates it holds", () => {
    const r = run(model(), { user: "START1", ring: { owner: "START1", name: "MqRing" } });
    const s = resolveStep(r);
    expect(s.ok).toBe(true);
    expect(s.title).toBe("Resolve the key ring");
    expect(s.detail).toBe(
      "Ring MqRing owned by START1 exists (deck.jcl:17) with 1 connected certificate(s).",
    );
    expect(s.evidence.map((e) => `${e.file}:${e.line}`)).toEqual(["deck.jcl:17"]);
    expect(s.source).toBe(R.ringName);
    expect(s.confidence).toBe("ibm");
    expect(r.rc).toBe(0);
  });

  it("named in the wrong case: 202, the owner's own ring first, then same name and other case elsewhere", () => {
    const r = run(model(), { user: "START1", ring: { owner: "START1", name: "MQRING" } });
    const s = resolveStep(r);
    expect(s.ok).toBe(false);
    expect(s.detail).toBe(
      'No ring MQRING owned by START1 in the inputs: R_datalib cannot open it. START1 has a ring "MqRing" (deck.jcl:17) — ring names are case-sensitive. A ring of that name belongs to START2 (deck.jcl:19). START2 has a ring "MqRing" (deck.jcl:20).',
    );
    expect(s.evidence.map((e) => `${e.file}:${e.line}`)).toEqual([
      "deck.jcl:17",
      "deck.jcl:19",
      "deck.jcl:20",
    ]);
    expect(r.rc).toBe(202);
    expect(r.confidence).toBe("ibm");
    expect(r.fix).toEqual(nameIt("START1/MqRing"));
    expect(r.alternatives).toEqual([nameIt("START2/MQRING"), nameIt("START2/MqRing")]);
    expect(r.partner).toEqual(PARTNER_406);
  });

  it("no such ring anywhere, owner known: 202, fix creates it with a placeholder label", () => {
    const r = run(model(), { user: "START1", ring: { owner: "START1", name: "Other" } });
    const s = resolveStep(r);
    expect(s.detail).toBe("No ring Other owned by START1 in the inputs: R_datalib cannot open it.");
    expect(s.evidence).toEqual([]);
    expect(r.rc).toBe(202);
    expect(r.fix).toEqual({
      summary: "Create the ring START1/Other and connect the certificates the application needs to it.",
      commands: [
        "RACDCERT ID(START1) ADDRING('Other')",
        "RACDCERT ID(START1) CONNECT(ID(START1) LABEL('<server certificate label>') RING('Other') USAGE(PERSONAL) DEFAULT)",
        "SETROPTS RACLIST(DIGTRING) REFRESH",
      ],
      notes: [RESTART],
    });
    expect(r.alternatives).toEqual([]);
  });

  it("owner not in the inputs: said, and the create fix says the user must exist first and uses the configured label", () => {
    const r = run(model(), { user: "START1", ring: { owner: "NOBODY", name: "Other" }, label: "MQ Server" });
    expect(resolveStep(r).detail).toBe(
      "No ring Other owned by NOBODY in the inputs: R_datalib cannot open it. User NOBODY does not appear in the inputs at all.",
    );
    expect(r.fix?.summary).toBe(
      "Create the ring NOBODY/Other and connect the certificates the application needs to it (user NOBODY must exist first).",
    );
    expect(r.fix?.commands).toEqual([
      "RACDCERT ID(NOBODY) ADDRING('Other')",
      "RACDCERT ID(NOBODY) CONNECT(ID(NOBODY) LABEL('MQ Server') RING('Other') USAGE(PERSONAL) DEFAULT)",
      "SETROPTS RACLIST(DIGTRING) REFRESH",
    ]);
  });

  it("named by an AT-TLS policy: the fix changes the policy's Keyring line and refreshes the policy", () => {
    const policy: PolicyOrigin = {
      file: "pagent.conf",
      rule: "MQRule",
      keyring: { file: "pagent.conf", line: 4, kind: "policy" },
      label: null,
      role: null,
      clientAuth: null,
      protocols: null,
      ciphers: null,
      defaultedProtocols: [],
    };
    const r = run(model(), { user: "START1", ring: { owner: "START3", name: "MqRing" }, policy });
    expect(resolveStep(r).detail).toBe(
      'No ring MqRing owned by START3 in the inputs: R_datalib cannot open it. User START3 does not appear in the inputs at all. A ring of that name belongs to START1 (deck.jcl:17). A ring of that name belongs to START2 (deck.jcl:20). START2 has a ring "MQRING" (deck.jcl:19).',
    );
    const change = (ring: string) => ({
      summary: `Name the ring that exists: change the policy's Keyring in pagent.conf:4 to ${ring}, then refresh the policy so the environment is rebuilt.`,
      commands: [],
      notes: [POLICY_REFRESH],
    });
    expect(r.fix).toEqual(change("START1/MqRing"));
    expect(r.alternatives).toEqual([change("START2/MqRing"), change("START2/MQRING")]);
  });

  it("a policy without a Keyring line: the fix names no location", () => {
    const policy: PolicyOrigin = {
      file: "pagent.conf",
      rule: "MQRule",
      keyring: null,
      label: null,
      role: null,
      clientAuth: null,
      protocols: null,
      ciphers: null,
      defaultedProtocols: [],
    };
    const r = run(model(), { user: "START1", ring: { owner: "START1", name: "MQRING" }, policy });
    expect(r.fix?.summary).toBe(
      "Name the ring that exists: change the policy's Keyring to START1/MqRing, then refresh the policy so the environment is rebuilt.",
    );
  });
});

describe("resolve-ring: virtual rings", () => {
  it("a user's virtual ring: every certificate of the user, PERSONAL, no DEFAULT", () => {
    const r = run(model(), { user: "START1", ring: { owner: "START1", name: "*" } });
    const s = resolveStep(r);
    expect(s.ok).toBe(true);
    expect(s.detail).toBe(
      "START1/* is a virtual key ring: every certificate owned by ID(START1) (1 in the inputs), all with usage PERSONAL. Virtual rings have no DEFAULT certificate.",
    );
    expect(s.evidence.map((e) => `${e.file}:${e.line}`)).toEqual(["deck.jcl:11"]);
    expect(s.source).toBe(R.virtual);
    // no DEFAULT, no label: certificate selection fails (field case 3), naming the user's certificate
    expect(r.rc).toBe(6);
    expect(r.fix?.summary).toBe(
      "Configure the certificate label explicitly (e.g. 'MQ Server'): a virtual ring has no DEFAULT.",
    );
  });

  it("*AUTH*/*: the CERTAUTH certificates with usage CERTAUTH", () => {
    const r = run(model(), { user: "START1", ring: { owner: "*AUTH*", name: "*" } });
    expect(resolveStep(r).detail).toBe(
      "*AUTH*/* is a virtual key ring: every certificate owned by CERTAUTH (1 in the inputs), all with usage CERTAUTH. Virtual rings have no DEFAULT certificate.",
    );
  });

  it("*SITE*/*: the SITE certificates with usage SITE", () => {
    const r = run(model(), { user: "START1", ring: { owner: "*SITE*", name: "*" } });
    const s = resolveStep(r);
    expect(s.detail).toBe(
      "*SITE*/* is a virtual key ring: every certificate owned by SITE (0 in the inputs), all with usage SITE. Virtual rings have no DEFAULT certificate.",
    );
    expect(s.evidence).toEqual([]);
  });

  it("a virtual ring of a user not in the inputs: said in the sentence", () => {
    const r = run(model(), { user: "START1", ring: { owner: "GHOST", name: "*" } });
    expect(resolveStep(r).detail).toBe(
      "GHOST/* is a virtual key ring: every certificate owned by ID(GHOST) (0 in the inputs), all with usage PERSONAL. Virtual rings have no DEFAULT certificate. User GHOST is not in the inputs.",
    );
  });
});
