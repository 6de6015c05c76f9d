import { jsonChunks } from "../../audit/format/json-stream.js";
import { escapeJsonText, neutralise } from "../../audit/format/safe-text.js";
import { grplistOption } from "../../model/access.js";
import { formatIssue } from "../../model/format-issue.js";
import { modelToJson } from "../../model/json.js";
import { formatSource, type RacfModel } from "../../model/model.js";
import type { Certificate, InputIssue, Ring } from "../../model/types.js";
import { type CommandSpec, type Io, type ParsedArgs, str } from "../command.js";
import { EXIT, UsageError } from "../errors.js";
import { INPUT_FLAGS, INPUT_OPTIONS, loadInputs, progressFor } from "../inputs.js";
import { jsonEnvelope, printText, wantsJson } from "../output.js";

export const spec: CommandSpec = {
  name: "model",
  summary: "Read RACF inputs and print the model (users, certificates, rings, profiles)",
  usage:
    "racfring model [--jcl FILE]... [--listing FILE]... [--unload FILE]... [--cert FILE[=OWNER:LABEL]]... [--model FILE]... [--dataset NAME=FILE]... [--json]",
  description: `
Reads every input in the order given into one model of the RACF state that matters for TLS and
prints it. Problems in the inputs are listed with file and line; they never stop the rest of the
input from being read (use --strict to make them fatal). Defaults racfring had to assume (class
state, GENCERT dates) are listed under "Assumptions".`,
  options: {
    ...INPUT_OPTIONS,
    json: {
      type: "boolean",
      description: "Print the model as JSON (the format --model reads back; schemas/model.schema.json)",
    },
    format: { type: "string", arg: "text|json", description: "text (default) or json (= --json)" },
  },
  examples: [
    "racfring model --jcl samples/site/setup.jcl",
    "racfring model --jcl samples/site/setup.jcl --dataset 'SECADM.PARTNER.CA.PEM=samples/site/partner-ca.pem' --json > site.json",
    "racfring model --model site.json --listing samples/site/listring.txt",
  ],
  exitCodes: {
    0: "model printed (warnings, if any, are listed)",
    2: "usage error",
    3: "an input is unreadable or has errors (the model is still printed); with --strict: any input issue",
  },
};

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  if (!args.ordered.some((o) => (INPUT_FLAGS as readonly string[]).includes(o.name))) {
    throw new UsageError("no input given: name at least one --jcl, --listing, --unload, --cert or --model");
  }
  const format = (str(args.values.format) ?? "text").toLowerCase();
  if (format !== "text" && format !== "json")
    throw new UsageError(`--format must be text or json, got "${format}"`);
  const { model } = await loadInputs(args, io.cwd, io.now(), progressFor(io));
  if (wantsJson(args.values)) {
    // Written in pieces of about 1 MB: the model of a million-record unload is never one string.
    // Control and bidi characters are escaped chunk by chunk (the escape is per character).
    const json = modelToJson(model.state);
    const arrays = new Set(
      Object.entries(json as object)
        .filter(([, v]) => Array.isArray(v))
        .map(([k]) => k),
    );
    let pending: string[] = [];
    let size = 0;
    for (const chunk of jsonChunks(jsonEnvelope("model", json), arrays)) {
      pending.push(escapeJsonText(chunk));
      size += chunk.length;
      if (size >= 1 << 20) {
        io.out(pending.join(""));
        pending = [];
        size = 0;
      }
    }
    io.out(`${pending.join("")}\n`);
  } else {
    // Names come from the inputs: no control or bidi character reaches the terminal.
    printText(io, neutralise(renderModel(model)));
  }
  // The model is printed even when an input has errors (a truncated job, an unbalanced quote):
  // what could be read is still useful. The exit code says the input was not valid.
  const errors = model.state.issues.filter((i) => i.severity === "error").length;
  if (errors > 0) {
    io.err(`racfring model: ${errors} input error(s); the model above may be incomplete.\n`);
    return EXIT.input;
  }
  return EXIT.ok;
}

function certLine(c: Certificate): string {
  const key = c.keyType ? `${c.keyType}${c.keySize ? ` ${c.keySize}` : ""}` : "key type unknown";
  const icsf = c.keyStore === "PKDS" || c.keyStore === "TKDS";
  const pk =
    c.privateKey === null
      ? "private key unknown"
      : c.privateKey
        ? `private key${icsf ? ` (ICSF ${c.keyStore}${c.icsfLabel ? ` label ${c.icsfLabel}` : ", label unknown"})` : ""}`
        : "no private key";
  const dates = c.notAfter
    ? `${c.notBefore?.slice(0, 10) ?? "?"} → ${c.notAfter.slice(0, 10)}${c.datesAssumed ? " (assumed)" : ""}`
    : "dates unknown";
  // A certificate file read without FILE=OWNER:LABEL has no owner until another input names it.
  const owner = c.owner === "" ? "(owner unknown)" : c.owner;
  return `  ${owner.padEnd(12)} '${c.label}'  ${c.status}  ${dates}  ${key}  ${pk}`;
}

function ringBlock(r: Ring): string[] {
  const lines = [
    `  ${r.owner}/${r.name}  (${formatSource(r.sources[0] ?? { file: "", line: 0, kind: "inferred" })})`,
  ];
  if (r.connections.length === 0) lines.push("      (no certificates connected)");
  for (const c of r.connections) {
    lines.push(`      ${c.owner.padEnd(12)} '${c.label}'  ${c.usage}${c.default ? "  DEFAULT" : ""}`);
  }
  return lines;
}

function issueLine(i: InputIssue): string {
  return `  ${formatIssue(i)}`;
}

/** Text summary of the model, one section per kind of fact. */
export function renderModel(model: RacfModel): string {
  const s = model.state;
  const out: string[] = [];
  out.push(`Users (${s.users.length})`);
  for (const u of s.users) {
    const flags = [
      u.special ? "SPECIAL" : "",
      u.implied ? "implied (never defined in the inputs)" : "",
      u.revoked ? "REVOKED" : "",
    ].filter(Boolean);
    out.push(
      `  ${u.id.padEnd(8)}${flags.length ? `  ${flags.join(", ")}` : ""}${u.groups.length ? `  groups: ${u.groups.map((g) => (g === u.defaultGroup ? `${g} (default)` : g)).join(" ")}` : ""}`,
    );
  }
  out.push("", `Certificates (${s.certificates.length})`);
  for (const c of s.certificates) out.push(certLine(c));
  out.push("", `Key rings (${s.rings.length})`);
  for (const r of s.rings) out.push(...ringBlock(r));
  out.push("", `Profiles (${s.profiles.length})`);
  for (const p of s.profiles) {
    const acc = p.access.map((a) => `${a.id}:${a.level}`).join(" ");
    const std = p.stdata ? `  STDATA user=${p.stdata.user ?? "-"} group=${p.stdata.group ?? "-"}` : "";
    out.push(
      `  ${p.class.padEnd(8)} ${p.name}${p.generic ? " (G)" : ""}  UACC(${p.uacc})${p.warning ? "  WARNING" : ""}${acc ? `  ${acc}` : ""}${std}`,
    );
  }
  out.push("", "Classes");
  for (const [name, c] of Object.entries(s.classes).sort(([a], [b]) => a.localeCompare(b))) {
    const st = [c.active ? "active" : "inactive", c.raclisted ? "RACLISTed" : "not RACLISTed"].join(", ");
    out.push(`  ${name.padEnd(8)} ${st}${c.assumed ? "  (assumed: no input says)" : ""}`);
  }
  const grplist = grplistOption(model);
  out.push(
    "",
    "Options",
    `  ${grplist.value ? "GRPLIST  " : "NOGRPLIST"} list-of-groups checking ${grplist.value ? "active" : "inactive"}${grplist.assumed ? "  (assumed: no input says)" : ""}`,
  );
  if (s.assumptions.length > 0) {
    out.push("", "Assumptions");
    for (const a of s.assumptions)
      out.push(`  - ${a.message}${a.sources[0] ? ` (${formatSource(a.sources[0])})` : ""}`);
  }
  out.push("", `Input issues (${s.issues.length})`);
  for (const i of s.issues) out.push(issueLine(i));
  return `${out.join("\n")}\n`;
}
