/**
 * Keyword tables for the RACF commands racfring reads.
 *
 * TSO parses RACF commands with the TSO parse service, which accepts any unique leading
 * abbreviation of a keyword among the keywords valid at that point (IBM TSO/E Command
 * Reference, "Abbreviating keyword operands"; z/OS Security Server RACF Command Language
 * Reference, "Syntax of the RACF commands"). The tables list the keywords of each command so
 * that abbreviations resolve the same way. Tables are not exhaustive for keywords racfring does
 * not model; those are listed with `value: "any"` so that they are accepted and ignored without
 * a warning. A keyword missing from a table is reported as unknown and ignored.
 *
 * Verb abbreviations are fixed aliases (RDEF, PE, SETR…), not prefixes (IBM RACF Command
 * Language Reference, each command's "Syntax" section lists its abbreviation).
 */

export type ValueKind =
  /** Keyword alone: `SPECIAL`, `DEFAULT`. */
  | "none"
  /** Keyword with a value list: `UACC(READ)`, `ID(A B)`, `WITHLABEL('x')`. */
  | "values"
  /** Either alone or with values: `GENCERT` / `GENCERT('dsn')`. */
  | "optional-values"
  /** Nested keywords: `CONNECT(ID(x) LABEL('l') ...)`. */
  | "sub"
  /** Either alone or with nested keywords: `LIST` / `LIST(LABEL('x'))`. */
  | "optional-sub"
  /** Accepted and not checked (segments such as OMVS(...) racfring does not model). */
  | "any";

export interface KeywordSpec {
  value: ValueKind;
  sub?: KeywordTable;
  /** Values are secrets (PASSWORD, PHRASE): never echoed in a message. */
  sensitive?: boolean;
}

export type KeywordTable = Readonly<Record<string, KeywordSpec>>;

export interface VerbSpec {
  /** Canonical name, e.g. `RDEFINE`. */
  name: string;
  aliases: readonly string[];
  /** How many positional operands precede the keywords (`RDEFINE class (profiles)` = 2). */
  positionals: number;
  /** null = the command is accepted but its operands are not checked. */
  keywords: KeywordTable | null;
  /** What racfring does with it. */
  role: "apply" | "list" | "not-modelled" | "not-racf";
}

const NONE: KeywordSpec = { value: "none" };
const VALUES: KeywordSpec = { value: "values" };
const OPT_VALUES: KeywordSpec = { value: "optional-values" };
const ANY: KeywordSpec = { value: "any" };
const SECRET: KeywordSpec = { value: "any", sensitive: true };

function sub(table: KeywordTable, optional = false): KeywordSpec {
  return { value: optional ? "optional-sub" : "sub", sub: table };
}

function many(names: string, spec: KeywordSpec): Record<string, KeywordSpec> {
  const out: Record<string, KeywordSpec> = {};
  for (const n of names.split(/\s+/).filter(Boolean)) out[n] = spec;
  return out;
}

/** How a certificate is named inside ALTER(...), DELETE(...), LIST(...), GENREQ(...)... */
const CERT_SELECTOR: KeywordTable = { LABEL: VALUES, SERIALNUMBER: VALUES, ISSUERSDN: VALUES };

/** CONNECT(...) and REMOVE(...): certificate owner, label, ring, usage, default. */
export const CONNECT_TABLE: KeywordTable = {
  ID: VALUES,
  CERTAUTH: NONE,
  SITE: NONE,
  LABEL: VALUES,
  SERIALNUMBER: VALUES,
  ISSUERSDN: VALUES,
  RING: VALUES,
  USAGE: VALUES,
  DEFAULT: NONE,
};

/** SUBJECTSDN(...) attributes (RACDCERT GENCERT, IBM le-gencert.htm). */
export const SUBJECT_TABLE: KeywordTable = {
  CN: VALUES,
  T: VALUES,
  OU: VALUES,
  O: VALUES,
  L: VALUES,
  SP: VALUES,
  C: VALUES,
};

export const ALTNAME_TABLE: KeywordTable = { IP: VALUES, DOMAIN: VALUES, EMAIL: VALUES, URI: VALUES };
export const DATE_TABLE: KeywordTable = { DATE: VALUES, TIME: VALUES };
export const KEYUSAGE_TABLE: KeywordTable = {
  HANDSHAKE: NONE,
  DATAENCRYPT: NONE,
  DOCSIGN: NONE,
  CERTSIGN: NONE,
  KEYAGREE: NONE,
};
export const SIGNWITH_TABLE: KeywordTable = { CERTAUTH: NONE, SITE: NONE, LABEL: VALUES };
const KEY_STORAGE: KeywordTable = { PKDS: OPT_VALUES, TOKEN: VALUES };

/**
 * RACDCERT (IBM RACF Command Language Reference, "RACDCERT (Manage RACF digital
 * certificates)" and one page per function). One flat table: functions and their options.
 */
export const RACDCERT_TABLE: KeywordTable = {
  // owner of the certificate or ring the function works on
  ID: VALUES,
  CERTAUTH: NONE,
  SITE: NONE,
  // functions
  ADD: VALUES,
  ADDRING: VALUES,
  ALTER: sub(CERT_SELECTOR),
  CHECKCERT: VALUES,
  CONNECT: sub(CONNECT_TABLE),
  DELETE: sub(CERT_SELECTOR),
  DELRING: VALUES,
  EXPORT: sub(CERT_SELECTOR),
  GENCERT: OPT_VALUES,
  GENREQ: sub(CERT_SELECTOR),
  LIST: sub(CERT_SELECTOR, true),
  LISTCHAIN: sub(CERT_SELECTOR),
  LISTRING: OPT_VALUES,
  REMOVE: sub(CONNECT_TABLE),
  REKEY: sub(CERT_SELECTOR),
  ROLLOVER: sub(CERT_SELECTOR),
  ...many("IMPORT BIND UNBIND ADDTOKEN DELTOKEN LISTTOKEN MAP ALTMAP DELMAP LISTMAP", ANY),
  // GENCERT options
  SUBJECTSDN: sub(SUBJECT_TABLE),
  ALTNAME: sub(ALTNAME_TABLE),
  SIZE: VALUES,
  RSA: sub(KEY_STORAGE, true),
  NISTECC: sub(KEY_STORAGE, true),
  BPECC: sub(KEY_STORAGE, true),
  DSA: NONE,
  PKDS: OPT_VALUES,
  ICSF: NONE,
  PCICC: OPT_VALUES,
  TKDS: OPT_VALUES,
  FROMICSF: VALUES,
  NOTBEFORE: sub(DATE_TABLE),
  NOTAFTER: sub(DATE_TABLE),
  KEYUSAGE: sub(KEYUSAGE_TABLE),
  SIGNWITH: sub(SIGNWITH_TABLE),
  WITHLABEL: VALUES,
  // ADD / ALTER / EXPORT / GENREQ options
  TRUST: NONE,
  NOTRUST: NONE,
  HIGHTRUST: NONE,
  NEWLABEL: VALUES,
  PASSWORD: SECRET,
  DSN: VALUES,
  FORMAT: VALUES,
  ENCRYPTALG: VALUES,
  PBESTRONGER: NONE,
  ...many("USERID SDNFILTER IDNFILTER CRITERIA", ANY),
};

const USER_SEGMENTS =
  "OMVS TSO CICS DCE EIM KERB LANGUAGE LNOTES NDS NETVIEW OPERPARM OVM PROXY WORKATTR CSDATA MFA";

/** ADDUSER / ALTUSER (RACF Command Language Reference, "ADDUSER", "ALTUSER"). */
export const USER_TABLE: KeywordTable = {
  SPECIAL: NONE,
  NOSPECIAL: NONE,
  DFLTGRP: VALUES,
  GROUP: VALUES,
  REVOKE: OPT_VALUES,
  RESUME: OPT_VALUES,
  NAME: ANY,
  OWNER: ANY,
  PASSWORD: SECRET,
  PHRASE: SECRET,
  NOPASSWORD: NONE,
  NOPHRASE: NONE,
  ...many(USER_SEGMENTS, ANY),
  ...many(
    USER_SEGMENTS.split(" ")
      .map((s) => `NO${s}`)
      .join(" "),
    NONE,
  ),
  ...many(
    "AUDITOR NOAUDITOR OPERATIONS NOOPERATIONS RESTRICTED NORESTRICTED PROTECTED OIDCARD NOOIDCARD ADSP NOADSP GRPACC NOGRPACC EXPIRED NOEXPIRED UAUDIT NOUAUDIT",
    NONE,
  ),
  ...many(
    "AUTHORITY CLAUTH NOCLAUTH DATA NODATA MODEL NOMODEL SECLABEL NOSECLABEL SECLEVEL NOSECLEVEL ADDCATEGORY DELCATEGORY UACC WHEN NOWHEN INSTDATA",
    ANY,
  ),
};

const PROFILE_ANY =
  "OWNER AUDIT GLOBALAUDIT DATA NODATA NOTIFY NONOTIFY LEVEL SECLABEL NOSECLABEL SECLEVEL NOSECLEVEL WARNING NOWARNING ADDMEM DELMEM TIMEZONE WHEN NOWHEN SINGLEDSN NOSINGLEDSN TVTOC NOTVTOC SESSION NOSESSION DLFDATA NODLFDATA EIM NOEIM ICSF NOICSF CDTINFO NOCDTINFO CFDEF NOCFDEF KERB NOKERB PROXY NOPROXY SIGVER NOSIGVER SSIGNON NOSSIGNON TME NOTME ALIAS NOALIAS MFA NOMFA CSDATA NOCSDATA ADDCATEGORY DELCATEGORY FROM FCLASS FGENERIC FVOLUME ICTX NOICTX MFPOLICY NOMFPOLICY IDTPARMS NOIDTPARMS JES NOJES APPCMEM";

/** STDATA(...) of a STARTED profile (RACF Command Language Reference, RDEFINE STDATA). */
export const STDATA_TABLE: KeywordTable = {
  USER: VALUES,
  GROUP: VALUES,
  PRIVILEGED: VALUES,
  TRUSTED: VALUES,
  TRACE: VALUES,
};

/** RDEFINE / RALTER. */
export const PROFILE_TABLE: KeywordTable = {
  UACC: VALUES,
  APPLDATA: VALUES,
  NOAPPLDATA: NONE,
  STDATA: sub(STDATA_TABLE),
  NOSTDATA: NONE,
  ...many(PROFILE_ANY, ANY),
};

/** PERMIT (RACF Command Language Reference, "PERMIT"). */
export const PERMIT_TABLE: KeywordTable = {
  CLASS: VALUES,
  ID: VALUES,
  ACCESS: VALUES,
  DELETE: NONE,
  RESET: OPT_VALUES,
  GENERIC: NONE,
  ...many("FROM FCLASS FGENERIC FVOLUME VOLUME WHEN AT ONLYAT", ANY),
};

/** SETROPTS (RACF Command Language Reference, "SETROPTS"). */
export const SETROPTS_TABLE: KeywordTable = {
  CLASSACT: VALUES,
  NOCLASSACT: VALUES,
  RACLIST: VALUES,
  NORACLIST: VALUES,
  GENERIC: VALUES,
  NOGENERIC: VALUES,
  REFRESH: NONE,
  LIST: NONE,
  ...many(
    "GENCMD NOGENCMD GENLIST NOGENLIST GLOBAL NOGLOBAL AUDIT NOAUDIT LOGOPTIONS STATISTICS NOSTATISTICS PASSWORD INITSTATS NOINITSTATS PROTECTALL NOPROTECTALL ERASE NOERASE JES GRPLIST NOGRPLIST ADDCREATOR NOADDCREATOR WHEN NOWHEN KERBLVL MIXEDCASE NOMIXEDCASE PREFIX NOPREFIX RVARYPW SESSIONINTERVAL NOSESSIONINTERVAL TERMINAL WARNING NOWARNING EGN NOEGN REALDSN NOREALDSN TAPEDSN NOTAPEDSN CATDSNS NOCATDSNS RETPD SAUDIT NOSAUDIT CMDVIOL NOCMDVIOL OPERAUDIT NOOPERAUDIT ADSP NOADSP APPLAUDIT NOAPPLAUDIT COMPATMODE NOCOMPATMODE SECLABELCONTROL NOSECLABELCONTROL SECLEVELAUDIT NOSECLEVELAUDIT MODEL NOMODEL INACTIVE NOINACTIVE MLS NOMLS MLACTIVE NOMLACTIVE MLQUIET NOMLQUIET MLSTABLE NOMLSTABLE MLFSOBJ MLIPCOBJ MLNAMES NOMLNAMES SECLABELAUDIT NOSECLABELAUDIT SECLBYSYSTEM NOSECLBYSYSTEM DASDVOL NODASDVOL TAPEVOL NOTAPEVOL DSNS NODSNS",
    ANY,
  ),
};

/** CONNECT (group connection) and REMOVE. */
export const GROUP_CONNECT_TABLE: KeywordTable = {
  GROUP: VALUES,
  ...many("AUTHORITY OWNER UACC REVOKE RESUME", ANY),
  ...many("SPECIAL NOSPECIAL OPERATIONS NOOPERATIONS AUDITOR NOAUDITOR ADSP NOADSP GRPACC NOGRPACC", NONE),
};

export const ADDGROUP_TABLE: KeywordTable = {
  ...many(
    "SUPGROUP OWNER DATA MODEL OMVS OVM TERMUACC NOTERMUACC UNIVERSAL CSDATA TME NOOMVS NOOVM NODATA NOMODEL",
    ANY,
  ),
};

const RESOURCE_ONLY: KeywordTable = { ...many("AT ONLYAT NOTIFY", ANY) };

function verb(
  name: string,
  aliases: string[],
  positionals: number,
  keywords: KeywordTable | null,
  role: VerbSpec["role"],
): VerbSpec {
  return { name, aliases, positionals, keywords, role };
}

/** Every command racfring recognises, by canonical name. */
export const VERBS: readonly VerbSpec[] = [
  verb("RACDCERT", [], 0, RACDCERT_TABLE, "apply"),
  verb("ADDUSER", ["AU"], 1, USER_TABLE, "apply"),
  verb("ALTUSER", ["ALU"], 1, USER_TABLE, "apply"),
  verb("DELUSER", ["DU"], 1, RESOURCE_ONLY, "apply"),
  verb("ADDGROUP", ["AG"], 1, ADDGROUP_TABLE, "apply"),
  verb("DELGROUP", ["DG"], 1, RESOURCE_ONLY, "apply"),
  verb("CONNECT", ["CO"], 1, GROUP_CONNECT_TABLE, "apply"),
  verb("REMOVE", ["RE"], 1, GROUP_CONNECT_TABLE, "apply"),
  verb("RDEFINE", ["RDEF"], 2, PROFILE_TABLE, "apply"),
  verb("RALTER", ["RALT"], 2, PROFILE_TABLE, "apply"),
  verb("RDELETE", ["RDEL"], 2, RESOURCE_ONLY, "apply"),
  verb("PERMIT", ["PE"], 1, PERMIT_TABLE, "apply"),
  verb("SETROPTS", ["SETR"], 0, SETROPTS_TABLE, "apply"),
  verb("LISTUSER", ["LU"], 0, null, "list"),
  verb("LISTGRP", ["LG"], 0, null, "list"),
  verb("RLIST", ["RL"], 0, null, "list"),
  verb("SEARCH", ["SR"], 0, null, "list"),
  verb("LISTDSD", ["LD"], 0, null, "list"),
  verb("ALTGROUP", ["ALG"], 0, null, "not-modelled"),
  verb("ADDSD", ["AD"], 0, null, "not-modelled"),
  verb("ALTDSD", ["ALD"], 0, null, "not-modelled"),
  verb("DELDSD", ["DD"], 0, null, "not-modelled"),
  verb("PASSWORD", ["PW"], 0, null, "not-modelled"),
  verb("RACMAP", [], 0, null, "not-modelled"),
  verb("RACLINK", [], 0, null, "not-modelled"),
  verb("RACPRIV", [], 0, null, "not-modelled"),
  verb("RVARY", [], 0, null, "not-modelled"),
  verb("RACFADM", [], 0, null, "not-modelled"),
  verb("HELP", ["H"], 0, null, "not-modelled"),
  // Ordinary TSO commands often found in the same SYSTSIN.
  ...[
    "ALLOCATE ALLOC",
    "FREE",
    "DELETE DEL",
    "LISTCAT LISTC",
    "LISTDS LISTD",
    "LISTALC LISTA",
    "PROFILE PROF",
    "TIME",
    "SEND SE",
    "EXEC EX",
    "CALL",
    "OPUT",
    "OGET",
    "OPUTX",
    "OGETX",
    "OSHELL",
    "BPXBATCH",
    "SUBMIT SUB",
    "STATUS ST",
    "RENAME REN",
    "PRINTDS PR",
    "TSOLIB",
    "ALTLIB",
    "ISPSTART",
    "WHEN",
    "END",
    "LOGOFF",
    "TRANSMIT XMIT",
    "RECEIVE",
    "MKDIR",
  ].map((s) => {
    const [name = "", ...aliases] = s.split(" ");
    return verb(name, aliases, 0, null, "not-racf");
  }),
];

const VERB_INDEX = new Map<string, VerbSpec>();
for (const v of VERBS) {
  VERB_INDEX.set(v.name, v);
  for (const a of v.aliases) VERB_INDEX.set(a, v);
}

/** The command named by `word` (case-insensitive, full name or its fixed alias). */
export function lookupVerb(word: string): VerbSpec | undefined {
  return VERB_INDEX.get(word.toUpperCase());
}

export type KeywordLookup =
  | { kind: "found"; name: string; spec: KeywordSpec }
  | { kind: "ambiguous"; candidates: string[] }
  | { kind: "unknown" };

/** Resolve a keyword as TSO parse does: exact name first, else a unique leading abbreviation. */
export function lookupKeyword(table: KeywordTable, word: string): KeywordLookup {
  const up = word.toUpperCase();
  const exact = table[up];
  if (exact) return { kind: "found", name: up, spec: exact };
  const candidates = Object.keys(table).filter((k) => k.startsWith(up));
  if (candidates.length === 1) {
    const name = candidates[0] as string;
    return { kind: "found", name, spec: table[name] as KeywordSpec };
  }
  if (candidates.length > 1) return { kind: "ambiguous", candidates: candidates.sort() };
  return { kind: "unknown" };
}
