/** Issue #9 item 6: no message quoting input shows a password, wherever it falls on the line. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clipMessage, maskSecrets } from "../../src/model/clip.js";
import { cli } from "../helpers/io.js";

const HEAD = "//J JOB\n//S EXEC PGM=IKJEFT01\n//SYSTSIN DD *\n";

function deck(lines: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), "racfring-pw-"));
  writeFileSync(join(dir, "pw.jcl"), `${HEAD}${lines.join("\n")}\n/*\n`);
  return dir;
}

describe("issue 9.6: secrets never leak", () => {
  const cases: [string, string][] = [
    // split across columns 72/73: "Secre" ends in column 72, "t1xy')" starts in 73
    ["split across 72/73", `${"RACDCERT ID(A) ADD('A.B') WITHLABEL('X') PASSWORD('Secre".padEnd(72)}t1xy')`],
    // the whole value in columns 73-80
    ["in columns 73-80", `${"ALTUSER A".padEnd(72)}PW(Se1)`],
    [
      "keyword at 72, value after",
      `${"RACDCERT ID(A) ADD('A.B') WITHLABEL('X') PASSWORD".padEnd(72)}('Se1')`,
    ],
  ];
  for (const [what, line] of cases) {
    it(`masks a password ${what} in every command's messages`, async () => {
      const dir = deck([line]);
      for (const argv of [
        ["model", "--jcl", "pw.jcl"],
        ["lint-jcl", "pw.jcl"],
        ["audit", "--jcl", "pw.jcl", "--at", "2026-06-01"],
        ["model", "--jcl", "pw.jcl", "--json"],
      ]) {
        const r = await cli(argv, { cwd: dir });
        const all = r.stdout + r.stderr;
        expect(all, argv.join(" ")).toMatch(/73/);
        for (const piece of ["Secre", "t1xy", "Se1"]) expect(all, argv.join(" ")).not.toContain(piece);
      }
    });
  }

  it("masks PASSWORD(...) values in any issue message, quoted, unquoted or cut off", () => {
    expect(maskSecrets("ALTUSER A PASSWORD(abc) X")).toBe("ALTUSER A PASSWORD(****) X");
    expect(maskSecrets("PASSWORD('a)b''c') NEXT")).toBe("PASSWORD(****) NEXT");
    expect(maskSecrets("phrase( 'long secret")).toBe("phrase( ****");
    expect(maskSecrets("PASSW(x1)")).toBe("PASSW(****)");
    expect(clipMessage(`unknown keyword in "PASSWORD('hunter2')"`)).not.toContain("hunter2");
  });

  it("fuzz: no secret value survives masking, and masking is fast on long input", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9#$@]{3,20}$/),
        fc.string({ maxLength: 40 }),
        fc.constantFrom("PASSWORD", "password", "PHRASE", "PW", "PASS"),
        fc.boolean(),
        (secret, around, kw, quoted) => {
          const text = `${around} ${kw}(${quoted ? `'${secret}'` : secret}) ${around}`;
          fc.pre(!around.includes(secret));
          expect(maskSecrets(text)).not.toContain(secret);
        },
      ),
      { numRuns: 200 },
    );
    const t0 = Date.now();
    maskSecrets(`PASSWORD('${"x''".repeat(200_000)}`);
    maskSecrets("PASSWORD(".repeat(100_000));
    expect(Date.now() - t0).toBeLessThan(2_000);
  });
});
