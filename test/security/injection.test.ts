/**
 * Issue #9 item 1: no name from any input can add a statement to a job or change a command.
 * Names are validated on input (model JSON) and quoted by the one operand writer on output.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildFixJcl } from "../../src/audit/fix-jcl.js";
import type { Finding } from "../../src/audit/types.js";
import { joinTsoLines } from "../../src/gen/tso.js";
import { tokenizeText } from "../../src/racf/tokenizer.js";
import { commentText, labelOperand, ringOperand, valueProblem } from "../../src/racf/write.js";
import { cli } from "../helpers/io.js";
import { instream, onlyOurStatements } from "./fix-job-shape.js";

const AT = "2026-06-01";

function model(rings: unknown[], certificates: unknown[] = []): string {
  return JSON.stringify({
    racfringModel: 1,
    users: [{ id: "A", special: false, implied: false }],
    certificates,
    rings,
  });
}

function tmp(): string {
  return mkdtempSync(join(tmpdir(), "racfring-sec-"));
}

describe("issue 9.1: no injection through names", () => {
  it("the issue's model JSON (ring name with a line break) is refused, located, exit 3; no EVIL line anywhere", async () => {
    const dir = tmp();
    // exactly the issue's printf: the JSON escape \n is a real line feed in the name
    writeFileSync(
      join(dir, "m.json"),
      '{"racfringModel":1,"users":[{"id":"A","special":false,"implied":false}],"rings":[{"owner":"A","name":"R\\n//EVIL EXEC PGM=IEFBR14","connections":[]}]}',
    );
    const r = await cli(["audit", "--model", "m.json", "--at", AT, "--fix-jcl", "f.jcl"], { cwd: dir });
    expect(r.code).toBe(3);
    // one issue format (issue 13): in the report, which is on stdout here
    expect(r.stdout).toMatch(
      /m\.json:1: error \[invalid-model\] rings\[0\]\.name must not contain line breaks/,
    );
    expect(r.stdout).not.toMatch(/^\/\/EVIL/m);
    const job = existsSync(join(dir, "f.jcl")) ? readFileSync(join(dir, "f.jcl"), "utf8") : "";
    expect(job).not.toMatch(/EVIL/);
  });

  it("rejects control characters and over-length names in model JSON", async () => {
    const dir = tmp();
    const long = "R".repeat(238);
    writeFileSync(
      join(dir, "m.json"),
      model([
        { owner: "A", name: "R\u001b[2J", connections: [] },
        { owner: "A", name: long, connections: [] },
        { owner: "A", name: "OK", connections: [{ owner: "ID(A)", label: "L\u202e", usage: "PERSONAL" }] },
      ]),
    );
    const r = await cli(["model", "--model", "m.json"], { cwd: dir });
    expect(r.code).toBe(3);
    r.stderr += r.stdout;
    expect(r.stderr).toMatch(
      /rings\[0\]\.name must not contain line breaks or control characters \(found U\+001b\)/,
    );
    expect(r.stderr).toMatch(/rings\[1\]\.name must be 1–237 characters long/);
    expect(r.stderr).toMatch(/rings\[2\]\.connections\[0\]\.label must not contain .*U\+202e/);
  });

  it("quotes ring names and labels with doubled apostrophes: Bob's and R) ID(EVIL) ACCESS(ALTER stay one value", async () => {
    const dir = tmp();
    const cert = {
      owner: "ID(A)",
      label: "Bob's cert",
      status: "NOTRUST",
      notBefore: "2025-01-01T00:00:00Z",
      notAfter: "2027-01-01T00:00:00Z",
    };
    writeFileSync(
      join(dir, "m.json"),
      model(
        [
          {
            owner: "A",
            name: "R) ID(EVIL) ACCESS(ALTER",
            connections: [{ owner: "ID(A)", label: "Bob's cert", usage: "CERTAUTH" }],
          },
          {
            owner: "A",
            name: "Bob's",
            connections: [{ owner: "ID(A)", label: "Bob's cert", usage: "CERTAUTH" }],
          },
        ],
        [cert],
      ),
    );
    const r = await cli(["audit", "--model", "m.json", "--at", AT, "--fix-jcl", "f.jcl"], { cwd: dir });
    expect(r.code, r.stderr).toBe(1);
    const job = readFileSync(join(dir, "f.jcl"), "utf8");
    onlyOurStatements(job);
    const commands = joinTsoLines(instream(job).filter((l) => !l.startsWith(" /*")));
    expect(commands.length).toBeGreaterThan(0);
    for (const c of commands) {
      // every RING() and LABEL() value is a quoted string
      for (const m of c.matchAll(/\b(RING|LABEL)\(/g))
        expect(c.charAt((m.index ?? 0) + m[0].length)).toBe("'");
      expect(c).not.toMatch(/ID\(EVIL\)/);
    }
    expect(job).toContain("LABEL('Bob''s cert')");
    const lint = await cli(["lint-jcl", "f.jcl"], { cwd: dir });
    expect(lint.code, lint.stdout).toBe(0);
    expect(lint.stdout + lint.stderr).toMatch(/ 0 error\(s\)/);
  });

  it("a fix command that cannot be written is refused with the finding's file and line (exit 3 from the CLI path)", () => {
    const f: Finding = {
      rule: "empty-ring",
      severity: "warning",
      confidence: "ibm",
      subject: { kind: "ring", id: "A/R" },
      ring: "A/R",
      message: "m",
      evidence: [{ file: "deck.jcl", line: 7 }],
      fix: { summary: "s", commands: ["RACDCERT ID(A) DELRING('R\n//EVIL EXEC PGM=IEFBR14')"] },
    };
    expect(() => buildFixJcl([f], { at: new Date(AT) })).toThrow(
      /deck\.jcl:7: the fix for empty-ring cannot be written into a job: the command contains a line break \(\\x0a\)/,
    );
  });

  it("comments never carry input text that could end them or start a statement", () => {
    const hostile = "x */ y\n//EVIL EXEC PGM=IEFBR14\r/* z \u0085 \u202e";
    const f: Finding = {
      rule: "empty-ring",
      severity: "warning",
      confidence: "ibm",
      subject: { kind: "ring", id: hostile },
      ring: hostile,
      message: hostile,
      evidence: [],
      fix: { summary: hostile, commands: [] },
    };
    const job = buildFixJcl([f], { at: new Date(AT) }).text;
    onlyOurStatements(job);
    expect(job).toContain("\\x0a");
    expect(commentText(hostile)).not.toMatch(/\*\/|\/\*|[\n\r\u0085\u202e]/);
  });
});

describe("fuzz: the fix job writer", () => {
  it("any ring name and label: quoted operands read back as the same values, or are refused", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ minLength: 1, maxLength: 32 }), (ring, label) => {
        const cmd = `RACDCERT ID(A) CONNECT(ID(A) ${labelOperand(label)} ${ringOperand(ring)} USAGE(PERSONAL))`;
        const f: Finding = {
          rule: "default-cert-missing",
          severity: "warning",
          confidence: "ibm",
          subject: { kind: "ring", id: `A/${ring}` },
          ring: `A/${ring}`,
          message: ring,
          evidence: [{ file: "m.json", line: 1 }],
          fix: { summary: label, commands: [cmd] },
        };
        let text: string;
        try {
          text = buildFixJcl([f], { at: new Date(AT) }).text;
        } catch (e) {
          // refused only for a reason the writer gives, never a crash
          expect((e as Error).name).toBe("UnsafeValueError");
          expect(valueProblem(ring + label) ?? "").not.toBe("");
          return;
        }
        onlyOurStatements(text);
        for (const l of text.split("\n")) expect(l.length).toBeLessThanOrEqual(71);
        const cmds = joinTsoLines(instream(text).filter((l) => !l.startsWith(" /*")));
        expect(cmds).toHaveLength(1);
        const parsed = tokenizeText(cmds[0] ?? "");
        expect(parsed.issues.filter((i) => i.severity === "error")).toEqual([]);
        // the values come back exactly (blanks inside quotes kept)
        expect(cmds[0]).toContain(ringOperand(ring));
        expect(cmds[0]).toContain(labelOperand(label));
      }),
      { numRuns: 150 },
    );
  });
});
