/**
 * The wizard's questions, in the order an administrator thinks about a new ring: what it is
 * for, who runs the task, whose ring with which name, where the certificate comes from, its
 * subject, its key, client authentication, who may open the ring, how long it is valid, and the
 * job card. A flag answers a question without asking it; everything else goes to the prompter.
 *
 * As soon as enough is known the flow simulates the application (through `generate`, the same
 * code path as `racfring generate`) and shows System SSL's predicted return code; at the
 * permission question it shows the outcome of each choice and, when an answer would fail
 * (another user's key under FACILITY → RC 428, field case 4), says so and offers RDATALIB.
 */

import { UsageError } from "../cli/errors.js";
import { dnValueProblem, isJobName, isUserId, labelProblem } from "../gen/names.js";
import {
  type CertSource,
  KEY_CHOICES,
  type KeyChoice,
  needsCertificate,
  PRESET_NAMES,
  PRESETS,
  type PresetName,
  parseSubject,
  type WizardAnswers,
} from "./build.js";
import { freeLabel, signers, usersOffered } from "./offers.js";
import { type PreviewContext, simulateAnswers } from "./preview.js";
import type { Choice, InputQuestion, Prompter, SelectQuestion } from "./prompter.js";

/** Every question's flag (without `--`), in the order the questions come. */
export const QUESTION_FLAGS = [
  "preset",
  "user",
  "ring-owner",
  "ring",
  "cert-source",
  "ca-label",
  "reuse-cert",
  "client-auth",
  "host",
  "ip",
  "subject",
  "key",
  "permissions",
  "days",
  "hlq",
  "job-name",
  "accounting",
] as const;
export type QuestionFlag = (typeof QUESTION_FLAGS)[number];

export interface FlowContext extends PreviewContext {
  flags: Partial<Record<QuestionFlag, string>>;
}

const RING_RE = /^[A-Za-z0-9#$@._+-]{1,237}$/;
const ACCOUNTING_RE = /^(\([A-Za-z0-9#$@.,&*-]{1,28}\)|[A-Za-z0-9#$@.&*-]{1,30})$/;
const HLQ_RE = /^[A-Za-z#$@][A-Za-z0-9#$@-]{0,7}(\.[A-Za-z#$@][A-Za-z0-9#$@-]{0,7}){0,2}$/;

export async function runFlow(p: Prompter, ctx: FlowContext): Promise<WizardAnswers> {
  const flags = ctx.flags;
  const state = ctx.state;
  const model = state?.model ?? null;

  const select = async <T extends string>(id: QuestionFlag, q: Omit<SelectQuestion<T>, "id">): Promise<T> => {
    const given = flags[id];
    if (given !== undefined) {
      const hit = q.choices.find((c) => c.value.toLowerCase() === given.toLowerCase());
      if (!hit)
        throw new UsageError(
          `--${id} must be one of ${q.choices.map((c) => c.value).join(", ")}, got "${given}"`,
        );
      return hit.value;
    }
    return p.select({ id, ...q });
  };
  const input = async (id: QuestionFlag, q: Omit<InputQuestion, "id">): Promise<string> => {
    const given = flags[id];
    if (given !== undefined) {
      const ok = q.validate(given);
      if (ok !== true) throw new UsageError(`--${id} "${given}": ${ok}`);
      return given;
    }
    return p.input({ id, ...q });
  };
  const yesNo = async (id: QuestionFlag, message: string, help: string, def: boolean): Promise<boolean> => {
    const given = flags[id];
    if (given !== undefined) {
      if (!/^(yes|no|y|n|true|false)$/i.test(given))
        throw new UsageError(`--${id} expects yes or no, got "${given}"`);
      return /^(yes|y|true)$/i.test(given);
    }
    return p.confirm({ id, message, help, default: def });
  };

  // 1. What the ring is for
  const preset = await select<PresetName>("preset", {
    message: "What is the ring for?",
    help: "A preset fills in names and roles; you can still change every later answer.",
    choices: PRESET_NAMES.map((n) => ({ value: n, name: `${PRESETS[n].title}`, description: n })),
    default: "attls-server",
  });
  const pre = PRESETS[preset];

  // 2. The user the task runs as
  const offered = usersOffered(state);
  let user = "";
  if (offered.length > 0 && flags.user === undefined) {
    const picked = await p.select({
      id: "user",
      message: "Which user does the task run as?",
      help: "Users and STARTED profiles found in the inputs; the task opens the ring as this user.",
      choices: [...offered, { value: "", name: "another user (type it)" }],
      default: offered[0]?.value ?? "",
      required: true,
    });
    user = picked;
  }
  if (user === "") {
    user = (
      await input("user", {
        message: "Which user does the task run as?",
        help: "The RACF user of the started task (STARTED profile STDATA USER), 1-8 characters.",
        validate: (v) =>
          isUserId(v.toUpperCase())
            ? true
            : "a user id is 1-8 letters, digits, #, $ or @, not starting with a digit",
      })
    ).toUpperCase();
  }
  const found = model?.user(user);
  const userKnown = state === null || (found !== undefined && !found.implied);
  if (state && !userKnown)
    p.note(`! ${user} is not defined in the inputs: define it (ADDUSER) before the jobs run.`);

  // 3. Ring owner and name
  const ringOwner = (
    await input("ring-owner", {
      message: "Who owns the ring?",
      help: "Usually the task's own user: then READ on the ring is enough and FACILITY works too.",
      default: user,
      validate: (v) =>
        isUserId(v.toUpperCase())
          ? true
          : "a ring owner is a user id of 1-8 characters (never CERTAUTH or SITE)",
    })
  ).toUpperCase();
  if (ringOwner === "CERTAUTH" || ringOwner === "SITE")
    throw new UsageError("only users own key rings, never CERTAUTH or SITE");
  if (ringOwner !== user)
    p.note(
      `! ${user} will use ${ringOwner}'s private key: RDATALIB grants that with UPDATE; under FACILITY it fails with RC 428 (field case 4).`,
    );
  const ring = await input("ring", {
    message: "Ring name?",
    help: "1-237 of A-Z a-z 0-9 # $ @ . _ + -; case-sensitive: FTPRing and ftpring are two rings.",
    default: pre.ring,
    validate: (v) =>
      RING_RE.test(v)
        ? true
        : v.length > 237
          ? "at most 237 characters"
          : "only letters, digits, # $ @ . _ + - (no blanks)",
  });
  const ringFound = model?.ring(ringOwner, ring);
  if (ringFound) {
    p.note(
      `! ${ringOwner}/${ring} exists already (${ringFound.connections.length} connection(s)): the plan adds to it and the backout removes only what it added.`,
    );
    const def = ringFound.connections.find((k) => k.default);
    if (def)
      p.note(
        `! Its default is "${def.label}" and stays so: the application names the new certificate (AT-TLS CertificateLabel).`,
      );
  }
  const sameNameOtherCase = model
    ?.ringsOf(ringOwner)
    .find((r) => r.name !== ring && r.name.toUpperCase() === ring.toUpperCase());
  if (sameNameOtherCase)
    p.note(
      `! ${ringOwner} has a ring ${sameNameOtherCase.name}: a different ring (names are case-sensitive) with the same RDATALIB profile.`,
    );
  const profile = model?.protectingProfile("RDATALIB", `${ringOwner}.${ring.toUpperCase()}.LST`);
  if (profile)
    p.note(
      `! RDATALIB ${profile.name} already decides who opens this ring${profile.generic ? " (generic: the plan's discrete profile will take over from it)" : "; the plan PERMITs on it"}.`,
    );

  // 4. Where the certificate comes from
  const role = pre.role;
  const cas = signers(state);
  const reusable = model
    ? model.state.certificates.filter(
        (c) =>
          (c.owner === `ID(${ringOwner})` || c.owner === "SITE") &&
          c.privateKey !== false &&
          c.status === "TRUST",
      )
    : [];
  const sourceChoices: Choice<CertSource>[] = [
    {
      value: "new-racf-ca",
      name: "A new RACF certificate authority (RACDCERT CERTAUTH GENCERT)",
      description: "new-racf-ca",
    },
    {
      value: "existing-ca",
      name: `An existing CERTAUTH/SITE CA${cas.length > 0 ? ` (${cas.length} found in the inputs)` : ""}`,
      description: "existing-ca",
    },
    {
      value: "external-ca",
      name: "An external CA via OpenSSL (GENREQ, sign, ADD back)",
      description: "external-ca",
    },
  ];
  if (role !== "trust")
    sourceChoices.push({ value: "reuse", name: "Reuse an existing certificate", description: "reuse" });
  const source = await select<CertSource>("cert-source", {
    message: role === "trust" ? "Which CA should the ring trust?" : "Where does the certificate come from?",
    help: "RACF can be its own CA, sign with a CA it already holds, or take a certificate from an outside CA.",
    choices: sourceChoices,
    default: cas.length > 0 ? "existing-ca" : "new-racf-ca",
  });
  let caLabel = "";
  let caOwner: "CERTAUTH" | "SITE" = "CERTAUTH";
  let caNotAfter: Date | null = null;
  let reuse: WizardAnswers["reuse"] = null;
  let reuseCa: WizardAnswers["reuseCa"] = null;
  const year = ctx.at.getUTCFullYear();
  if (source === "existing-ca") {
    if (cas.length > 0 && flags["ca-label"] === undefined) {
      const picked = await p.select({
        id: "ca-label",
        message: "Which CA signs?",
        help: "CA certificates in the inputs that RACF holds a private key for (GENCERT SIGNWITH needs it).",
        choices: cas.map((c) => ({
          value: `${c.owner}:${c.label}`,
          name: `${c.owner} "${c.label}"${c.notAfter ? ` (until ${c.notAfter.slice(0, 10)})` : ""}`,
        })),
        default: `${cas[0]?.owner}:${cas[0]?.label}`,
      });
      const colon = picked.indexOf(":");
      caOwner = picked.slice(0, colon) as "CERTAUTH" | "SITE";
      caLabel = picked.slice(colon + 1);
    } else {
      const given = await input("ca-label", {
        message: "Label of the existing CA (CERTAUTH, or SITE:label)?",
        help: "The CA certificate's RACF label, exactly (labels are case-sensitive).",
        validate: (v) => labelProblem(v.replace(/^(CERTAUTH|SITE):/, "")) ?? true,
      });
      const m = /^(CERTAUTH|SITE):(.*)$/.exec(given);
      caOwner = (m?.[1] as "CERTAUTH" | "SITE" | undefined) ?? "CERTAUTH";
      caLabel = m?.[2] ?? given;
    }
    const ca = model?.certificate(caOwner, caLabel);
    if (ca?.notAfter) caNotAfter = new Date(ca.notAfter);
  } else if (source === "reuse") {
    const given =
      reusable.length > 0 && flags["reuse-cert"] === undefined
        ? await p.select({
            id: "reuse-cert",
            message: "Which certificate?",
            help: `Certificates of ${ringOwner} or SITE with a private key, found in the inputs.`,
            choices: reusable.map((c) => ({
              value: `${c.owner.replace(/^ID\((.*)\)$/, "$1")}:${c.label}`,
              name: `${c.owner} "${c.label}"`,
            })),
            default: `${reusable[0]?.owner.replace(/^ID\((.*)\)$/, "$1")}:${reusable[0]?.label}`,
          })
        : await input("reuse-cert", {
            message: "Certificate to reuse (OWNER:label)?",
            help: "The owner (a user id or SITE) and the exact label, e.g. FTPD:FTP Server 2025.",
            validate: (v) => {
              const m = /^([A-Za-z#$@][A-Za-z0-9#$@]{0,7}):(.+)$/.exec(v);
              return m ? (labelProblem(m[2] ?? "") ?? true) : "expected OWNER:label";
            },
          });
    const colon = given.indexOf(":");
    reuse = { owner: given.slice(0, colon).toUpperCase(), label: given.slice(colon + 1) };
    const kw = reuse.owner === "SITE" ? "SITE" : `ID(${reuse.owner})`;
    const cert = model?.certificate(kw, reuse.label);
    const signer =
      cert?.signer && (cert.signer.owner === "CERTAUTH" || cert.signer.owner === "SITE") ? cert.signer : null;
    if (signer && model?.certificate(signer.owner, signer.label))
      reuseCa = { owner: signer.owner as "CERTAUTH" | "SITE", label: signer.label };
    else
      p.note(
        "! The certificate's CA is not known from the inputs: connect it to the ring yourself (partners need the chain).",
      );
  } else {
    caLabel = freeLabel(state, "CERTAUTH", source === "new-racf-ca" ? "Local CA" : "External CA", year);
  }

  // Client authentication: for a client it decides whether it gets a certificate at all,
  // so it is asked before the subject.
  const clientAuth =
    role === "trust"
      ? false
      : await yesNo(
          "client-auth",
          role === "server"
            ? "Ask clients for a certificate (client authentication)?"
            : "Does the client present a certificate?",
          role === "server"
            ? "Yes: clients need certificates from a CA on this ring (AT-TLS ServerWithClientAuth)."
            : "Only when the server asks for one; without it the ring is the client's trust store.",
          false,
        );

  const base: WizardAnswers = {
    preset,
    user,
    ringOwner,
    ring,
    ringExisting: ringFound !== undefined,
    ringHas: (ringFound?.connections ?? []).map((k) => ({
      owner: k.owner,
      label: k.label,
      default: k.default,
    })),
    source,
    caLabel,
    caOwner,
    reuse,
    reuseCa,
    userKnown,
    host: "",
    ip: "",
    subject: { CN: "x" },
    key: "RSA-2048",
    clientAuth,
    permissions: "rdatalib",
    days: 397,
    jobName: pre.job,
    accounting: "",
    hlq: `${ringOwner}.CERTS`,
    label: freeLabel(
      state,
      ringOwner === "SITE" ? "SITE" : `ID(${ringOwner})`,
      pre.label || "Certificate",
      year,
    ),
    at: ctx.at,
    caNotAfter,
  };
  const a = base;
  const wanted = `${pre.label || "Certificate"} ${year}`.slice(0, 32);
  if (needsCertificate(a) && source !== "reuse" && a.label !== wanted)
    p.note(`! ${ringOwner} already has a certificate labelled "${wanted}": the new one is "${a.label}".`);
  if ((source === "new-racf-ca" || source === "external-ca") && !caLabel.endsWith(` ${year}`))
    p.note(`! CERTAUTH already uses the usual CA label: the new CA is "${caLabel}".`);

  // 5. Subject and SANs, 6. key: only for a certificate the plan creates
  if (needsCertificate(a) && source !== "reuse") {
    a.host = (
      await input("host", {
        message: "Host name clients connect to?",
        help: "Becomes the CN and the DNS subject alternative name; clients check it.",
        validate: (v) =>
          /^[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*$/.test(v) && v.length <= 64
            ? true
            : "a DNS name such as zos1.example.com (at most 64 characters for the CN)",
      })
    ).toLowerCase();
    a.ip = await input("ip", {
      message: "IP address (optional)?",
      help: "Added as an IP subject alternative name for clients that connect by address; empty for none.",
      default: "",
      validate: (v) =>
        v === "" || (/^(\d{1,3})(\.\d{1,3}){3}$/.test(v) && v.split(".").every((o) => Number(o) <= 255))
          ? true
          : "an IPv4 address such as 10.1.2.3, or empty",
    });
    const subjectText = await input("subject", {
      message: "Subject DN?",
      help: "ATTR=value pairs, most specific first: CN, T, OU, O, L, SP, C (e.g. CN=host,O=Example,C=US).",
      default: `CN=${a.host}`,
      validate: (v) => {
        const s = parseSubject(v);
        if (typeof s === "string") return s;
        for (const [k, val] of Object.entries(s)) {
          const problem = dnValueProblem(String(val));
          if (problem) return `${k} ${problem}`;
        }
        return true;
      },
    });
    a.subject = parseSubject(subjectText) as WizardAnswers["subject"];
    const sim = simulateAnswers(a, ctx);
    p.note(`  Simulated so far: ${a.user} opening ${a.ringOwner}/${a.ring}: ${sim.line}`);
    a.key = await select<KeyChoice>("key", {
      message: "Key type and size?",
      help: "RSA 2048 works with every partner; NISTECC is smaller and faster; browsers refuse P-521.",
      choices: KEY_CHOICES.map((k) => ({
        value: k,
        name:
          k === "NISTECC-521"
            ? `${k} (browsers such as Chrome refuse P-521 in TLS)`
            : k === "RSA-2048"
              ? `${k} (works everywhere)`
              : k,
      })),
      default: "RSA-2048",
    });
  }

  // 7. Permission strategy, with the outcome of each choice
  const outcome = (strategy: "rdatalib" | "facility") =>
    simulateAnswers({ ...a, permissions: strategy }, ctx);
  const rdl = outcome("rdatalib");
  const fac = outcome("facility");
  let permissions = await select<"rdatalib" | "facility">("permissions", {
    message: "Who may open the ring?",
    help: "RDATALIB: one profile per ring, least access (recommended); FACILITY: one profile for all rings.",
    choices: [
      {
        value: "rdatalib",
        name: `RDATALIB ${ringOwner}.${ring.toUpperCase()}.LST (recommended) → ${rdl.rc === null ? "?" : `RC ${rdl.rc}`}`,
        description: rdl.line,
      },
      {
        value: "facility",
        name: `FACILITY IRR.DIGTCERT.LISTRING → ${fac.rc === null ? "?" : `RC ${fac.rc}`}`,
        description: fac.line,
      },
    ],
    default: "rdatalib",
  });
  if (permissions === "facility" && fac.rc !== null && fac.rc !== 0 && flags.permissions === undefined) {
    p.note(`! FACILITY fails here: ${fac.line}`);
    const switchTo = await p.confirm({
      id: "use-rdatalib",
      message: `Use RDATALIB instead (${rdl.rc === null ? "?" : `RC ${rdl.rc}`})?`,
      help: "Under FACILITY a private key is returned only to the certificate's own user; RDATALIB UPDATE allows another user.",
      default: true,
    });
    if (switchTo) permissions = "rdatalib";
  }
  a.permissions = permissions;
  if (permissions === "rdatalib" && ringOwner !== user)
    p.note(
      `! Under RDATALIB ${ringOwner} itself needs access to ${ringOwner}.${ring.toUpperCase()}.LST for any task of its own that opens the ring; the plan permits only ${user}.`,
    );
  const now = simulateAnswers(a, ctx);
  p.note(`  Simulated: ${now.line}`);

  // 8. Validity
  if (needsCertificate(a) && source !== "reuse") {
    a.days = Number(
      await input("days", {
        message: "Validity in days?",
        help: "Browsers reject server certificates valid for more than 398 days; internal partners accept longer.",
        default: "397",
        validate: (v) =>
          /^\d{1,5}$/.test(v) && Number(v) >= 1 && Number(v) <= 9000 ? true : "a number of days, 1-9000",
      }),
    );
    if (caNotAfter && a.at.getTime() + a.days * 86_400_000 > caNotAfter.getTime())
      p.note(`! The CA expires on ${caNotAfter.toISOString().slice(0, 10)}: the certificate ends then.`);
  }
  if (source === "external-ca") {
    a.hlq = (
      await input("hlq", {
        message: "High-level qualifier for the transfer data sets?",
        help: "The request and the signed certificate travel through data sets HLQ.CERT.CSR and HLQ.CERT.CRT.",
        default: `${ringOwner}.CERTS`,
        validate: (v) =>
          HLQ_RE.test(v) && v.length <= 26 ? true : "1-3 qualifiers of 1-8 characters, at most 26 in all",
      })
    ).toUpperCase();
  }

  // 9. Job card
  a.jobName = (
    await input("job-name", {
      message: "Job name prefix?",
      help: "1-7 characters; racfring appends one per job (1 setup, V verify, B backout).",
      default: pre.job,
      validate: (v) =>
        isJobName(`${v}X`) && v.length <= 7
          ? true
          : "1-7 letters, digits, #, $ or @, not starting with a digit",
    })
  ).toUpperCase();
  a.accounting = await input("accounting", {
    message: "Accounting information (optional)?",
    help: "As your installation's JOB statements need it; empty for none.",
    default: "",
    validate: (v) =>
      v === "" || ACCOUNTING_RE.test(v)
        ? true
        : "1-30 characters without blanks, apostrophes or commas outside parentheses",
  });
  return a;
}
