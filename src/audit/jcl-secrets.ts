/**
 * Finding PKCS#12 password literals in RACF batch jobs. The model deliberately keeps no
 * secrets, so the audit re-reads the --jcl inputs with the command reader's own splitter,
 * tokenizer and parser (src/racf/), and keeps only where the literal is — never its value.
 */
// From the modules themselves, not src/racf/index.ts: that one also exports the command
// applier, whose certificate parsing loads @peculiar/x509, which an audit of an unload never
// needs (a sixth of a second of start-up).
import { splitInput } from "../racf/jcl.js";
import { firstValue, hasKeyword, keyword, parseCommand } from "../racf/parse.js";
import { tokenizeLines } from "../racf/tokenizer.js";
import type { JclSecret } from "./types.js";

/** RACDCERT functions whose PASSWORD operand protects a private key package. */
const FUNCTIONS = ["EXPORT", "ADD"] as const;

export function scanJclSecrets(text: string, file: string): JclSecret[] {
  const out: JclSecret[] = [];
  const split = splitInput(text);
  for (const block of split.blocks) {
    const { commands } = tokenizeLines(block.lines);
    for (const cmd of commands) {
      const { command } = parseCommand(cmd);
      if (command?.verb !== "RACDCERT") continue;
      const pw = keyword(command.keywords, "PASSWORD");
      if (!pw || pw.values.length === 0) continue;
      const func = FUNCTIONS.find((f) => hasKeyword(command.keywords, f)) ?? "RACDCERT";
      const owner = hasKeyword(command.keywords, "CERTAUTH")
        ? "CERTAUTH"
        : hasKeyword(command.keywords, "SITE")
          ? "SITE"
          : firstValue(command.keywords, "ID")
            ? `ID(${firstValue(command.keywords, "ID")?.text.toUpperCase()})`
            : null;
      let label: string | null = null;
      let dsn: string | null = firstValue(command.keywords, "DSN")?.text ?? null;
      const fk = keyword(command.keywords, func);
      if (func === "EXPORT") label = fk ? (firstValue(fk.sub, "LABEL")?.text ?? null) : null;
      if (func === "ADD") {
        dsn = fk?.values[0]?.text ?? dsn;
        label = firstValue(command.keywords, "WITHLABEL")?.text ?? null;
      }
      out.push({
        file,
        line: pw.line,
        func,
        target: label ? `${owner ? `${owner}:` : ""}${label}` : null,
        dsn: dsn ? dsn.toUpperCase() : null,
      });
    }
  }
  return out;
}
