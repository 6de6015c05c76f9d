/**
 * Matching a resource name against a generic general-resource profile name, without regular
 * expressions. Each profile name is compiled once into a short list of steps (profiles.ts has
 * RACF's rules); matching walks the steps over the resource name and backtracks only at the
 * steps that take a variable number of characters.
 *
 * A regular expression per profile gave the same answers, but V8 compiles each new pattern on
 * its first use: a site's 5,000 generic STARTED profiles cost more to compile than all their
 * matches (issue 10, a sixth of a second of the 1M-record audit).
 */

/** One step of a compiled generic name. */
type Step =
  /** These characters, as they are. */
  | { kind: "literal"; text: string }
  /** `%`: one character that is not a period. */
  | { kind: "one" }
  /** `*` inside a qualifier: zero or more characters, no period. */
  | { kind: "run" }
  /** `*` as a whole qualifier before the last: one or more characters, no period. */
  | { kind: "qualifier" }
  /** `*` ending the name: everything to the end, periods included. */
  | { kind: "rest" }
  /** `**` after the first qualifier: zero or more qualifiers, each with its period before it. */
  | { kind: "qualifiers" }
  /** A period or nothing (a name that is only `**` also covers `A.`). */
  | { kind: "period?" };

/** The alternatives a name compiles to (two when it starts with `**`, which may cover nothing). */
type Compiled = readonly (readonly Step[])[];

const compiled = new Map<string, Compiled>();

/** Does `profile` (a generic name) cover `resource`? */
export function matchesGeneric(profile: string, resource: string): boolean {
  let alternatives = compiled.get(profile);
  if (alternatives === undefined) {
    alternatives = compile(profile);
    compiled.set(profile, alternatives);
  }
  for (const steps of alternatives) if (walk(steps, 0, resource, 0)) return true;
  return false;
}

function compile(profile: string): Compiled {
  const qualifiers = profile.split(".");
  const steps: Step[] = [];
  const literal = (text: string) => {
    const last = steps[steps.length - 1];
    if (last?.kind === "literal") steps[steps.length - 1] = { kind: "literal", text: last.text + text };
    else if (text !== "") steps.push({ kind: "literal", text });
  };
  // A leading `**` is zero or more whole qualifiers: nothing at all, or qualifiers followed by
  // the period before the next qualifier (by none when `**` is the whole name or is followed
  // by another `**`, which brings its own periods).
  let lead: Step[] | null = null;
  qualifiers.forEach((q, i) => {
    const last = i === qualifiers.length - 1;
    if (q === "**") {
      if (i > 0) steps.push({ kind: "qualifiers" });
      else {
        const next = qualifiers[1];
        lead = [{ kind: "qualifier" }, { kind: "qualifiers" }];
        lead.push(next === undefined || next === "**" ? { kind: "period?" } : { kind: "literal", text: "." });
      }
      return;
    }
    if (i > 0 && !(i === 1 && lead !== null)) literal(".");
    if (q === "*" && !last) {
      steps.push({ kind: "qualifier" });
      return;
    }
    for (let c = 0; c < q.length; c++) {
      const ch = q.charAt(c);
      if (ch === "%") steps.push({ kind: "one" });
      else if (ch === "*") steps.push(last && c === q.length - 1 ? { kind: "rest" } : { kind: "run" });
      else literal(ch);
    }
  });
  if (lead === null) return [steps];
  return [steps, [...(lead as Step[]), ...steps]];
}

const PERIOD = 0x2e;

/**
 * Line ends: what `.` in a regular expression without flags does not match. Resource names do
 * not hold them; the rule is kept so that the answer is the one the regular expression gave.
 */
function lineEnd(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
}

/** The end of the run of characters without a period that starts at `at`. */
function runEnd(resource: string, at: number): number {
  let end = at;
  while (end < resource.length && resource.charCodeAt(end) !== PERIOD) end++;
  return end;
}

/** Do `steps[s…]` cover exactly `resource[at…]`? */
function walk(steps: readonly Step[], s: number, resource: string, at: number): boolean {
  for (; s < steps.length; s++) {
    const step = steps[s] as Step;
    switch (step.kind) {
      case "literal":
        if (!resource.startsWith(step.text, at)) return false;
        at += step.text.length;
        break;
      case "one":
        if (at >= resource.length || resource.charCodeAt(at) === PERIOD) return false;
        at++;
        break;
      case "run":
      case "qualifier": {
        const least = step.kind === "run" ? at : at + 1;
        for (let end = runEnd(resource, at); end >= least; end--)
          if (walk(steps, s + 1, resource, end)) return true;
        return false;
      }
      case "rest": {
        let end = at;
        while (end < resource.length && !lineEnd(resource.charCodeAt(end))) end++;
        for (; end >= at; end--) if (walk(steps, s + 1, resource, end)) return true;
        return false;
      }
      case "qualifiers":
        return qualifiers(steps, s, resource, at);
      case "period?":
        if (resource.charCodeAt(at) === PERIOD && walk(steps, s + 1, resource, at + 1)) return true;
        break;
    }
  }
  return at === resource.length;
}

/** `steps[s]` is "qualifiers": none more, or a period, one or more characters, and again. */
function qualifiers(steps: readonly Step[], s: number, resource: string, at: number): boolean {
  if (walk(steps, s + 1, resource, at)) return true;
  if (resource.charCodeAt(at) !== PERIOD) return false;
  for (let end = runEnd(resource, at + 1); end >= at + 2; end--)
    if (qualifiers(steps, s, resource, end)) return true;
  return false;
}
