/** The shape of the fix job `audit --fix-jcl` writes: the only JCL statements it may hold. */
import { expect } from "vitest";

/** The SYSTSIN data of a fix job, between `//SYSTSIN  DD *` and the closing `/*`. */
export function instream(text: string): string[] {
  const lines = text.split("\n");
  const start = lines.findIndex((l) => l.startsWith("//SYSTSIN"));
  const end = lines.lastIndexOf("/*");
  return lines.slice(start + 1, end);
}

/** Every line of a job that JCL would read as a statement or a delimiter. */
export function statements(text: string): string[] {
  return text.split("\n").filter((l) => l.startsWith("//") || l.startsWith("/*"));
}

const WRITTEN_STATEMENTS = [
  /^\/\/RACFFIX {2}JOB /,
  /^\/\/ {13}NOTIFY=&SYSUID$/,
  /^\/\/\*/,
  /^\/\/FIX {6}EXEC PGM=IKJEFT01,DYNAMNBR=20$/,
  /^\/\/SYSTSPRT DD SYSOUT=\*$/,
  /^\/\/SYSTSIN {2}DD \*$/,
  /^\/\*$/,
];

export function onlyOurStatements(text: string): void {
  for (const l of statements(text))
    expect(
      WRITTEN_STATEMENTS.some((re) => re.test(l)),
      l,
    ).toBe(true);
  // exactly one closing delimiter, at the end
  expect(text.split("\n").filter((l) => l === "/*").length).toBe(1);
}
