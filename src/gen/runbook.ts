/**
 * The runbook (README.md of the output): every step in order, where it runs, what to check,
 * and how to move files between the workstation and z/OS.
 *
 * Transfer rules (IBM z/OS Communications Server FTP, "SITE" subcommand; RACDCERT ADD reads a
 * sequential data set holding Base64/PEM text or binary DER/PKCS#12, KC21 icha400/le-add.htm):
 * PEM is text — transfer in ASCII mode so it is converted to EBCDIC, into RECFM=FB LRECL=80
 * (PEM lines are 64 characters). DER and PKCS#12 are binary — transfer in BINARY mode, into
 * RECFM=VB so that no padding is added after the last byte (FB pads the last record, which
 * breaks the DER length) [3rd: common practice documented by vendors].
 */
import type { AccessPlan } from "./access.js";
import type { JobSpec } from "./jobs.js";
import { shWord } from "./names.js";
import type { OpensslViews } from "./openssl.js";
import type { ResolvedPlan } from "./resolved.js";
import type { Reference } from "./state.js";

export interface RunbookStep {
  n: number;
  where: "workstation" | "z/OS" | "transfer";
  title: string;
  text: string[];
  commands: string[];
  checks: string[];
}

export interface RunbookView {
  planName: string;
  planFile: string;
  description: string | null;
  strategy: string;
  rings: string[];
  /** Objects the plan relies on without creating them: where the inputs show them, or "assumed". */
  references: string[];
  apps: string[];
  grants: string[];
  files: { file: string; what: string }[];
  steps: RunbookStep[];
  verifyJob: string;
  backoutJob: string;
  hasTransfers: boolean;
}

export function runbookView(
  plan: ResolvedPlan,
  planFile: string,
  jobs: JobSpec[],
  access: AccessPlan,
  ossl: OpensslViews,
  references: readonly Reference[] = [],
): RunbookView {
  const steps: RunbookStep[] = [];
  const step = (s: Omit<RunbookStep, "n">) => steps.push({ n: steps.length + 1, ...s });

  for (const a of ossl.authorities) {
    step({
      where: "workstation",
      title: `Create the external CA ${a.id}`,
      text: [
        `Creates ${a.root.pemFile}${a.intermediate ? ` and ${a.intermediate.pemFile}` : ""}; the private keys stay in ${a.dir} (mode 0600).`,
      ],
      // file names come from plan ids, which may hold `$` or `#`: quote them for the shell
      commands: [`sh ${shWord(a.scriptFile)}`],
      checks: ["The script ends with `OK` from `openssl verify`."],
    });
  }
  for (const c of ossl.certs.filter((x) => x.method === "pkcs12")) {
    step({
      where: "workstation",
      title: `Create the key, certificate and PKCS#12 package of ${c.id} (${c.label})`,
      text: ["Choose a PKCS#12 password; the z/OS job asks for it in a SET statement."],
      commands: [`RACFRING_P12_PASSWORD='...' sh ${shWord(c.scriptFile)}`],
      checks: [
        "`openssl verify` prints OK.",
        `\`openssl x509 -in ${shWord(c.pemFile)} -noout -text\` shows the subject, SANs and dates of the plan.`,
      ],
    });
  }
  const uploads: string[] = [];
  for (const a of ossl.authorities)
    for (const t of a.transfers) uploads.push(`${t.file} -> '${t.dsn}' (TEXT, RECFM=FB LRECL=80)`);
  for (const c of ossl.certs.filter((x) => x.method === "pkcs12"))
    uploads.push(`${c.p12File} -> '${c.dsnOut}' (BINARY, RECFM=VB LRECL=84)`);
  if (uploads.length > 0) {
    step({
      where: "transfer",
      title: "Upload the CA certificates and PKCS#12 packages to z/OS",
      text: [
        "PEM files are text: transfer in ASCII mode (converted to EBCDIC) into FB 80 data sets.",
        "PKCS#12 packages are binary: transfer in BINARY mode into a VB data set (FB would pad the last record).",
        "With FTP: `ascii` + `quote site recfm=fb lrecl=80` for PEM; `binary` + `quote site recfm=vb lrecl=84` for PKCS#12.",
      ],
      commands: uploads,
      checks: [
        "Browse each PEM data set on z/OS: it starts with `-----BEGIN CERTIFICATE-----` in readable text.",
      ],
    });
  }
  const setupJobs = jobs.filter((j) => j.kind === "setup");
  for (const job of setupJobs) {
    step({
      where: "z/OS",
      title: `Submit ${job.file} (job ${job.jobName}): ${job.phases.join(", ")}`,
      text: job.groups.some((g) => g.symbols.length > 0)
        ? [
            "Type the PKCS#12 passwords into the SET statements, SUBMIT, then CANCEL the edit so they are not saved.",
          ]
        : [],
      commands: [`SUBMIT '${"your.jcl.library"}(${job.jobName})'`],
      checks: [
        "Every step ends with condition code 0 (IKJEFT01 reports only the last command's code, so also read SYSTSPRT).",
        "SYSTSPRT has no IRRD/ICH error messages (ICH10102I for an already defined FACILITY profile is harmless).",
      ],
    });
    if (job.phases.includes("requests")) {
      const reqs = ossl.certs.filter((c) => c.method === "genreq");
      step({
        where: "transfer",
        title: "Download the certificate requests",
        text: ["GENREQ wrote Base64 (PEM) text: transfer in ASCII mode."],
        commands: reqs.map((c) => `'${c.dsnIn}' -> ${c.csrFile} (TEXT)`),
        checks: reqs.map(
          (c) => `\`openssl req -in ${shWord(c.csrFile)} -noout -subject\` shows the subject of ${c.id}.`,
        ),
      });
      step({
        where: "workstation",
        title: "Sign the requests with the external CA",
        text: [],
        commands: reqs.map((c) => `sh ${shWord(c.scriptFile)}`),
        checks: ["Each script ends with OK from `openssl verify`."],
      });
      step({
        where: "transfer",
        title: "Upload the signed certificates",
        text: ["PEM is text: ASCII mode into FB 80 data sets."],
        commands: reqs.map((c) => `${c.pemFile} -> '${c.dsnOut}' (TEXT, RECFM=FB LRECL=80)`),
        checks: [],
      });
    }
  }
  const verify = jobs.find((j) => j.kind === "verify");
  const backout = jobs.find((j) => j.kind === "backout");
  step({
    where: "z/OS",
    title: `Submit ${verify?.file ?? ""} (job ${verify?.jobName ?? ""}) and read its output`,
    text: [],
    commands: [],
    checks: [
      "LIST: each certificate has Status: TRUST; end-entity certificates show Private Key: YES.",
      "LISTRING: every certificate connected with the usage in the plan; the server certificate is DEFAULT where the plan says so.",
      "LISTCHAIN: the chain reaches the self-signed root (Chain information complete).",
      "RLIST ... AUTHUSER: each application user has exactly the access in the setup job.",
    ],
  });
  step({
    where: "z/OS",
    title: "Make running applications see the rings",
    text: [
      "AT-TLS reads a ring when its environment is created: refresh the policy (F PAGENT,REFRESH) or restart the application.",
    ],
    commands: [],
    checks: ["No EZD1287I messages with RC 202, 6, 428 or 401 for the applications listed above."],
  });

  const files: { file: string; what: string }[] = [];
  for (const j of jobs) files.push({ file: j.file, what: `${j.jobName}: ${j.title}` });
  for (const a of ossl.authorities) {
    files.push({ file: a.scriptFile, what: `creates the external CA ${a.id}` });
    files.push({ file: a.cnfFile, what: `OpenSSL configuration of CA ${a.id}` });
  }
  for (const c of ossl.certs) {
    files.push({
      file: c.scriptFile,
      what:
        c.method === "pkcs12"
          ? `creates ${c.id} and its PKCS#12 package`
          : `signs the GENREQ request of ${c.id}`,
    });
    files.push({ file: c.cnfFile, what: `OpenSSL configuration of ${c.id} (subject, SANs, key usage)` });
  }

  return {
    planName: plan.name,
    planFile,
    description: plan.plan.description ?? null,
    strategy:
      plan.strategy === "rdatalib"
        ? "ring-specific profiles in RDATALIB (<owner>.<ring>.LST)"
        : "the global FACILITY profile IRR.DIGTCERT.LISTRING",
    rings: plan.rings.map(
      (r) =>
        `${r.owner}/${r.name}${r.existing ? " (exists already; the plan adds these connections)" : ""}: ${r.connections.map((k) => `"${k.label}" (${k.ownerKeyword}, ${k.usage}${k.default ? ", DEFAULT" : ""})`).join("; ")}`,
    ),
    references: references.map(
      (r) =>
        `${r.what}: ${r.foundAt ? `found in ${r.foundAt}` : "ASSUMED to exist (not checked: generated without --jcl/--listing/--unload/--model); check it before you submit"}`,
    ),
    apps: plan.apps.map(
      (a) =>
        `${a.name}: user ${a.user}, ring ${a.ring.owner}/${a.ring.name}, ${a.role}, certificate ${a.cert ? `"${a.cert.label}"${a.labelGiven ? "" : " (ring default)"}` : "none"} — expected System SSL RC 0`,
    ),
    grants: access.grants.map(
      (g) => `${g.user}: ${g.access} on ${g.cls} ${g.profile} — ${g.reasons.join("; ")}`,
    ),
    files,
    steps,
    verifyJob: verify?.file ?? "",
    backoutJob: backout?.file ?? "",
    hasTransfers: uploads.length > 0 || ossl.certs.some((c) => c.method === "genreq"),
  };
}
