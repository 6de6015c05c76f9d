/**
 * Reader for AT-TLS policy files (Policy Agent configuration, z/OS Communications Server IP
 * Configuration Reference, "AT-TLS policy statements").
 *
 * Syntax, as IBM documents it: statements of the form `Type [name] { parameters }`, braces and
 * parameters on their own lines or on one line; a parameter is a keyword followed by its values
 * up to the end of the line; `#` starts a comment; actions and parameter groups are either
 * referenced by name (`TTLSEnvironmentActionRef name`) or written inline
 * (`TTLSKeyringParms { Keyring RING }`). Long values are continued by repeating the parameter:
 * repeated V3CipherSuites / V3CipherSuites4Char values are concatenated (IBM TTLSCipherParms
 * statement, z/OS 3.1: "If a V3CipherSuites or V3CipherSuites4Char parameter is specified more than
 * once, the values are concatenated").
 *
 * Never throws: unknown statements, braces that do not match, references that resolve to
 * nothing are located issues (file:line) and reading carries on.
 */
import type { InputIssue, Severity } from "../model/types.js";
import { displayControlIssues } from "../readers/display-controls.js";
import { nonTextHint, nonTextKind } from "../readers/guard.js";

export interface PolicyParam {
  name: string;
  values: string[];
  line: number;
}

export interface PolicyStatement {
  type: string;
  /** Null for an inline statement without a name. */
  name: string | null;
  params: PolicyParam[];
  children: PolicyStatement[];
  line: number;
  inline: boolean;
}

export interface AtTlsPolicy {
  file: string;
  /** Top-level statements, in file order. */
  statements: PolicyStatement[];
  issues: InputIssue[];
}

/** Statements that open a block. Parameters are listed for those racfring interprets. */
const BLOCKS: Record<string, readonly string[] | null> = {
  TTLSRule: [
    "LocalAddr",
    "RemoteAddr",
    "LocalAddrRef",
    "RemoteAddrRef",
    "LocalAddrSetRef",
    "RemoteAddrSetRef",
    "LocalAddrGroupRef",
    "RemoteAddrGroupRef",
    "LocalPortRange",
    "RemotePortRange",
    "LocalPortRangeRef",
    "RemotePortRangeRef",
    "LocalPortGroupRef",
    "RemotePortGroupRef",
    "Jobname",
    "Userid",
    "Direction",
    "Priority",
    "TTLSGroupActionRef",
    "TTLSEnvironmentActionRef",
    "TTLSConnectionActionRef",
  ],
  TTLSGroupAction: [
    "TTLSEnabled",
    "CtraceClearText",
    "Trace",
    "SyslogFacility",
    "SecondaryMap",
    "FIPS140",
    "Envfile",
    "GroupUserInstance",
    "TTLSGroupAdvancedParms",
    "TTLSGroupAdvancedParmsRef",
  ],
  TTLSEnvironmentAction: [
    "HandshakeRole",
    "EnvironmentUserInstance",
    "TTLSKeyringParms",
    "TTLSKeyringParmsRef",
    "TTLSCipherParms",
    "TTLSCipherParmsRef",
    "TTLSSignatureParms",
    "TTLSSignatureParmsRef",
    "TTLSEnvironmentAdvancedParms",
    "TTLSEnvironmentAdvancedParmsRef",
    "TTLSGskAdvancedParms",
    "TTLSGskAdvancedParmsRef",
    "TTLSGskLdapParms",
    "TTLSGskLdapParmsRef",
    "TTLSGskOcspParms",
    "TTLSGskOcspParmsRef",
    "TTLSGskHttpCdpParms",
    "TTLSGskHttpCdpParmsRef",
    "CtraceClearText",
    "Trace",
  ],
  TTLSConnectionAction: [
    "HandshakeRole",
    "TTLSCipherParms",
    "TTLSCipherParmsRef",
    "TTLSSignatureParms",
    "TTLSSignatureParmsRef",
    "TTLSConnectionAdvancedParms",
    "TTLSConnectionAdvancedParmsRef",
    "CtraceClearText",
    "Trace",
    "ConnectionUserInstance",
  ],
  TTLSKeyringParms: ["Keyring", "KeyringStashFile", "KeyringPw"],
  TTLSCipherParms: ["V2CipherSuites", "V3CipherSuites", "V3CipherSuites4Char"],
  TTLSEnvironmentAdvancedParms: null,
  TTLSConnectionAdvancedParms: null,
  TTLSSignatureParms: null,
  TTLSGskAdvancedParms: null,
  TTLSGskLdapParms: null,
  TTLSGskOcspParms: null,
  TTLSGskHttpCdpParms: null,
  TTLSGroupAdvancedParms: null,
  IpAddrGroup: null,
  IpAddrSet: null,
  IpAddr: null,
  PortGroup: null,
  PortRange: null,
};

/** Parameters that name another statement, and the statement type they refer to. */
export const REFERENCES: Record<string, string> = {
  TTLSGroupActionRef: "TTLSGroupAction",
  TTLSEnvironmentActionRef: "TTLSEnvironmentAction",
  TTLSConnectionActionRef: "TTLSConnectionAction",
  TTLSKeyringParmsRef: "TTLSKeyringParms",
  TTLSCipherParmsRef: "TTLSCipherParms",
  TTLSSignatureParmsRef: "TTLSSignatureParms",
  TTLSEnvironmentAdvancedParmsRef: "TTLSEnvironmentAdvancedParms",
  TTLSConnectionAdvancedParmsRef: "TTLSConnectionAdvancedParms",
  TTLSGskAdvancedParmsRef: "TTLSGskAdvancedParms",
  TTLSGskLdapParmsRef: "TTLSGskLdapParms",
  TTLSGskOcspParmsRef: "TTLSGskOcspParms",
  TTLSGskHttpCdpParmsRef: "TTLSGskHttpCdpParms",
  TTLSGroupAdvancedParmsRef: "TTLSGroupAdvancedParms",
  LocalPortRangeRef: "PortRange",
  RemotePortRangeRef: "PortRange",
  LocalPortGroupRef: "PortGroup",
  RemotePortGroupRef: "PortGroup",
  LocalAddrRef: "IpAddr",
  RemoteAddrRef: "IpAddr",
  LocalAddrSetRef: "IpAddrSet",
  RemoteAddrSetRef: "IpAddrSet",
  LocalAddrGroupRef: "IpAddrGroup",
  RemoteAddrGroupRef: "IpAddrGroup",
};

/** Policy Agent statements that may appear in a policy file but are not AT-TLS: kept, not read. */
const OTHER_TOP_LEVEL =
  /^(Ip[A-Za-z]*|Pag[A-Za-z]*|Kerberos[A-Za-z]*|Policy[A-Za-z]*|ServiceCategories|ServicePolicyRules|KeyExchange[A-Za-z]*|LocalDynVpn[A-Za-z]*|RemoteIdentity|LocalStartAction[A-Za-z]*|Defensive[A-Za-z]*)$/;

interface Token {
  text: string;
  line: number;
  column: number;
  quoted: boolean;
}

const BLOCK_NAMES = new Map(Object.keys(BLOCKS).map((k) => [k.toLowerCase(), k]));

/** Statement keywords are not case-sensitive for Policy Agent; racfring uses IBM's spelling. */
export function canonicalType(word: string): string | undefined {
  return BLOCK_NAMES.get(word.toLowerCase());
}

/** Longest piece of input text quoted back in a message. */
const MAX_ECHO = 200;

/** Quote input text in a message without echoing an arbitrarily long token in full. */
export function clip(text: string): string {
  return text.length > MAX_ECHO ? `${text.slice(0, MAX_ECHO)}…` : text;
}

/**
 * Blanks between words. Every kind of whitespace the word loop stops at (JavaScript `\s`: tab,
 * vertical tab, form feed, a CR not followed by LF, no-break space U+00A0, the Unicode spaces) must
 * also be skipped here: if the two sets differ, the word loop yields an empty token and never
 * advances (review finding: `TTLSRule\u00a0x` looped until out of memory).
 */
const BLANK = /\s/;

function tokenize(text: string, file: string, issues: InputIssue[]): Token[] {
  const tokens: Token[] = [];
  // Only LF and CRLF end a line (what the other readers count); a bare CR is a blank.
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    let odd = false;
    let c = 0;
    while (c < raw.length) {
      const ch = raw.charAt(c);
      if (BLANK.test(ch)) {
        // Policy Agent itself reads EBCDIC, where a no-break space or a form feed is not a blank:
        // say once per line that racfring took it as one, so the administrator can clean the file.
        if (!odd && ch !== " " && ch !== "\t") {
          odd = true;
          issues.push({
            file,
            line,
            column: c + 1,
            code: "unusual-blank",
            severity: "warning",
            message: `${blankName(ch)} taken as a blank; Policy Agent may not accept it`,
          });
        }
        c++;
        continue;
      }
      if (ch === "#") break;
      if (ch === "{" || ch === "}") {
        tokens.push({ text: ch, line, column: c + 1, quoted: false });
        c++;
        continue;
      }
      if (ch === '"') {
        const end = raw.indexOf('"', c + 1);
        if (end < 0) {
          issues.push({
            file,
            line,
            column: c + 1,
            code: "unbalanced-quote",
            severity: "error",
            message: "quoted value is not closed on this line; taken to the end of the line",
          });
          tokens.push({ text: raw.slice(c + 1), line, column: c + 1, quoted: true });
          c = raw.length;
        } else {
          tokens.push({ text: raw.slice(c + 1, end), line, column: c + 1, quoted: true });
          c = end + 1;
        }
        continue;
      }
      let e = c;
      while (e < raw.length && !/[\s{}#"]/.test(raw.charAt(e))) e++;
      if (e === c) {
        // Every character class stopping a word is handled above, so this cannot happen; if it
        // ever does, report it and move on rather than loop forever on the same character.
        issues.push({
          file,
          line,
          column: c + 1,
          code: "unreadable-character",
          severity: "error",
          message: `character U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")} could not be read; skipped`,
        });
        c++;
        continue;
      }
      tokens.push({ text: raw.slice(c, e), line, column: c + 1, quoted: false });
      c = e;
    }
  });
  return tokens;
}

function blankName(ch: string): string {
  const code = ch.charCodeAt(0);
  const names: Record<number, string> = {
    11: "a vertical tab",
    12: "a form feed",
    13: "a carriage return not followed by a line feed",
    160: "a no-break space (U+00A0)",
  };
  return names[code] ?? `the space character U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * Deepest block nesting read. Real policies nest four levels at most (TTLSRule → inline
 * TTLSEnvironmentAction → TTLSKeyringParms …); 32 keeps the recursive block parser far from
 * the stack limit whatever the input holds.
 */
export const MAX_POLICY_NESTING = 32;

class Parser {
  private i = 0;
  private depth = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly file: string,
    readonly issues: InputIssue[],
  ) {}

  private issue(
    line: number,
    code: string,
    message: string,
    severity: Severity = "error",
    column?: number,
  ): void {
    const is: InputIssue = { file: this.file, line, code, severity, message };
    if (column !== undefined) is.column = column;
    this.issues.push(is);
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  /** Tokens after `from` on the same line, up to the next brace. */
  private restOfLine(line: number): Token[] {
    const out: Token[] = [];
    for (;;) {
      const t = this.peek();
      if (!t || t.line !== line || (!t.quoted && (t.text === "{" || t.text === "}"))) return out;
      out.push(t);
      this.i++;
    }
  }

  /** After a block whose "{" is missing: skip to the next line that starts with a statement type. */
  private skipToStatement(): void {
    for (;;) {
      const t = this.peek();
      if (!t) return;
      const prev = this.tokens[this.i - 1];
      const startsLine = !prev || prev.line !== t.line;
      if (startsLine && !t.quoted && canonicalType(t.text) !== undefined) return;
      this.i++;
    }
  }

  /** Parse statements until the closing brace of `parent` (or the end for the top level). */
  body(parent: PolicyStatement | null): { params: PolicyParam[]; children: PolicyStatement[] } {
    const params: PolicyParam[] = [];
    const children: PolicyStatement[] = [];
    if (this.depth >= MAX_POLICY_NESTING) {
      const t = this.peek();
      this.issue(
        t?.line ?? parent?.line ?? 1,
        "nesting-too-deep",
        `blocks nested more than ${MAX_POLICY_NESTING} deep; the rest of the file is not read`,
        "error",
        t?.column,
      );
      this.i = this.tokens.length;
      return { params, children };
    }
    this.depth++;
    try {
      return this.blockBody(parent, params, children);
    } finally {
      this.depth--;
    }
  }

  private blockBody(
    parent: PolicyStatement | null,
    params: PolicyParam[],
    children: PolicyStatement[],
  ): { params: PolicyParam[]; children: PolicyStatement[] } {
    for (;;) {
      const t = this.peek();
      if (!t) {
        if (parent) {
          this.issue(
            parent.line,
            "missing-brace",
            `${clip(parent.type)}${parent.name ? ` ${clip(parent.name)}` : ""} opened here is not closed: "}" missing before the end of the file`,
          );
        }
        return { params, children };
      }
      if (!t.quoted && t.text === "}") {
        this.i++;
        if (parent) return { params, children };
        this.issue(t.line, "unmatched-brace", `"}" without a matching "{"; ignored`, "error", t.column);
        continue;
      }
      if (!t.quoted && t.text === "{") {
        this.i++;
        this.issue(
          t.line,
          "unexpected-brace",
          `"{" without a statement before it; its contents are skipped`,
          "error",
          t.column,
        );
        const skipped: PolicyStatement = {
          type: "(unnamed)",
          name: null,
          params: [],
          children: [],
          line: t.line,
          inline: true,
        };
        this.body(skipped);
        continue;
      }
      this.i++;
      const rest = this.restOfLine(t.line);
      const next = this.peek();
      const opensBlock = next !== undefined && !next.quoted && next.text === "{" && rest.length <= 1;
      const type = canonicalType(t.text);
      if (opensBlock) {
        this.i++; // the "{"
        const stmt: PolicyStatement = {
          type: type ?? t.text,
          name: rest[0]?.text ?? null,
          params: [],
          children: [],
          line: t.line,
          inline: parent !== null,
        };
        if (type === undefined && !OTHER_TOP_LEVEL.test(t.text)) {
          this.issue(
            t.line,
            "unknown-statement",
            `unknown statement "${clip(t.text)}"; its block is read but not used`,
            "error",
            t.column,
          );
        }
        if (parent && type !== undefined) {
          const allowed = BLOCKS[parent.type];
          if (allowed && !allowed.includes(type)) {
            this.issue(
              t.line,
              "misplaced-statement",
              `${type} is not a parameter of ${parent.type}`,
              "warning",
              t.column,
            );
          }
        }
        const b = this.body(stmt);
        stmt.params = b.params;
        stmt.children = b.children;
        children.push(stmt);
        continue;
      }
      if (!parent) {
        if (type) {
          this.issue(
            t.line,
            "missing-brace",
            `${type}${rest[0] ? ` ${clip(rest[0].text)}` : ""} must be followed by "{" (on this line or the next); skipped up to the next statement`,
            "error",
            t.column,
          );
          this.skipToStatement();
        } else {
          this.issue(
            t.line,
            "unknown-statement",
            `unknown statement "${clip(t.text)}" at the top level of the policy; line ignored`,
            "error",
            t.column,
          );
        }
        continue;
      }
      const allowed = BLOCKS[parent.type];
      const name = t.text;
      if (allowed) {
        const canon = allowed.find((p) => p.toLowerCase() === name.toLowerCase());
        if (!canon) {
          this.issue(
            t.line,
            "unknown-parameter",
            `unknown parameter "${clip(name)}" in ${parent.type}; ignored`,
            "warning",
            t.column,
          );
        }
        if (rest.length === 0)
          this.issue(t.line, "missing-value", `${canon ?? clip(name)} has no value`, "error", t.column);
        params.push({ name: canon ?? name, values: rest.map((r) => r.text), line: t.line });
      } else {
        if (rest.length === 0 && canonicalType(name) === undefined) {
          this.issue(t.line, "missing-value", `${clip(name)} has no value`, "warning", t.column);
        }
        params.push({ name, values: rest.map((r) => r.text), line: t.line });
      }
    }
  }
}

/** Read an AT-TLS policy. `file` names the input in every issue. */
export function readPolicy(text: string, file: string): AtTlsPolicy {
  const issues: InputIssue[] = [];
  const kind = text.includes("\u0000") ? "binary" : nonTextKind(text);
  if (kind) {
    // One verdict, not one issue per line of garbage.
    issues.push({
      file,
      line: 1,
      code: "not-text",
      severity: "error",
      message: `not an AT-TLS policy: the file is ${kind === "ebcdic" ? "EBCDIC-encoded" : "binary"}; ${nonTextHint(kind)}`,
    });
    return { file, statements: [], issues };
  }
  issues.push(...displayControlIssues(text, file));
  const tokens = tokenize(text, file, issues);
  const parser = new Parser(tokens, file, issues);
  const { children } = parser.body(null);
  const policy: AtTlsPolicy = { file, statements: children, issues };
  checkReferences(policy);
  return policy;
}

/** Named top-level statements of a type. Policy Agent names are case-sensitive. */
export function namedStatements(policy: AtTlsPolicy, type: string): PolicyStatement[] {
  return policy.statements.filter((s) => s.type === type && s.name !== null);
}

export function findStatement(policy: AtTlsPolicy, type: string, name: string): PolicyStatement | undefined {
  return policy.statements.find((s) => s.type === type && s.name === name);
}

function checkReferences(policy: AtTlsPolicy): void {
  const seen = new Map<string, PolicyStatement>();
  for (const s of policy.statements) {
    if (s.name === null) {
      policy.issues.push({
        file: policy.file,
        line: s.line,
        code: "unnamed-statement",
        severity: "error",
        message: `a top-level ${clip(s.type)} needs a name so that rules can refer to it`,
      });
      continue;
    }
    const key = `${s.type} ${s.name}`;
    const prev = seen.get(key);
    if (prev) {
      policy.issues.push({
        file: policy.file,
        line: s.line,
        code: "duplicate-statement",
        severity: "warning",
        message: `${clip(s.type)} ${clip(s.name)} is defined again (first at line ${prev.line})`,
      });
    } else seen.set(key, s);
  }
  const visit = (s: PolicyStatement): void => {
    for (const p of s.params) {
      const target = REFERENCES[p.name];
      const value = p.values[0];
      if (!target || value === undefined) continue;
      if (!findStatement(policy, target, value)) {
        policy.issues.push({
          file: policy.file,
          line: p.line,
          code: "unresolved-reference",
          severity: "error",
          message: `${clip(p.name)} ${clip(value)}: no ${target} named "${clip(value)}" in ${policy.file}`,
        });
      }
    }
    for (const c of s.children) visit(c);
  };
  for (const s of policy.statements) visit(s);
}
