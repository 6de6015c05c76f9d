/**
 * The RACF command reader, in layers that can be used on their own (lint-jcl uses the first
 * three without a model):
 *
 * 1. **Splitting** (`jcl.ts`): `splitInput(text)` detects a batch job or a plain TSO deck and
 *    returns the SYSTSIN blocks of IKJEFT01/IKJEFT1A/IKJEFT1B steps with original line numbers,
 *    sequence columns 73–80 removed, and located issues (`systsin-missing`, `unterminated-data`,
 *    `jcl-truncated`, `comment-ends-data`, `beyond-column-72`…).
 * 2. **Tokenizing** (`tokenizer.ts`): `tokenizeLines(block.lines)` joins `-`/`+` continuations,
 *    drops comments, and returns commands (start/end line, `ok` flag) made of tokens with line and
 *    column; issues `unbalanced-quote`, `unbalanced-paren`, `truncated-command`. `quoteTso` quotes
 *    a value for generated commands.
 * 3. **Parsing** (`parse.ts`, tables in `keywords.ts`): `parseCommand(cmd)` resolves the verb
 *    (aliases such as RDEF, PE, SETR) and keywords (unique abbreviations, nested operands such as
 *    CONNECT(ID() LABEL() RING() USAGE() DEFAULT)); issues `unknown-command`, `unknown-keyword`,
 *    `ambiguous-keyword`, `missing-value`… Unknown commands are skipped, unknown keywords ignored.
 *    `buildTree(tokens)` gives the raw operand tree without any keyword knowledge.
 * 4. **Applying** (`apply.ts`): `CommandApplier` applies parsed commands to a model with RACF's
 *    semantics (RACDCERT, ADDUSER/ALTUSER/DELUSER, ADDGROUP, CONNECT/REMOVE, RDEFINE/RALTER/
 *    RDELETE, PERMIT, SETROPTS).
 * 5. **Reading** (`reader.ts`): `readRacfCommands(text, ctx)` does all of the above and never throws.
 *
 * `parseRacfText(text)` (`deck.ts`) runs layers 1–3 over a whole job or deck and returns every
 * command (tokens and parse) with all issues: the entry point for a linter.
 *
 * Issues from layers 1–3 are `RacfIssue`s (line, column?, code, severity, message) without a file
 * name; the caller adds it.
 */
export {
  type ApplyOptions,
  altNames,
  CommandApplier,
  keyStore,
  signatureAlgorithmFor,
  subjectDn,
} from "./apply.js";
export { type DeckCommand, type ParsedDeck, parseRacfText } from "./deck.js";
export { type RacfIssue, racfIssue } from "./issues.js";
export {
  type CommandBlock,
  looksLikeJcl,
  physicalLines,
  type SourceLine,
  type SplitResult,
  splitDeck,
  splitInput,
  splitJcl,
  TSO_PROGRAMS,
} from "./jcl.js";
export {
  type KeywordLookup,
  type KeywordSpec,
  type KeywordTable,
  lookupKeyword,
  lookupVerb,
  type ValueKind,
  VERBS,
  type VerbSpec,
} from "./keywords.js";
export {
  buildTree,
  firstValue,
  hasKeyword,
  type Keyword,
  keyword,
  type OperandNode,
  type ParsedCommand,
  type ParseResult,
  parseCommand,
  resolveKeywords,
  type Value,
} from "./parse.js";
export { readRacfCommands } from "./reader.js";
export {
  quoteTso,
  type Token,
  type TokenizeResult,
  type TokenKind,
  type TsoCommand,
  tokenizeLines,
  tokenizeText,
} from "./tokenizer.js";
