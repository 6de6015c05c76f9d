/**
 * Java key ring URLs (IBM SDK for z/OS, Liberty, MQ, Zowe): safkeyring://OWNER/RING, or
 * safkeyring:///RING for the running user's own ring; safkeyringhw:// (keys in ICSF, keystore
 * type JCECCARACFKS) and safkeyringhybrid:// (JCEHYBRIDRACFKS) name the same RACF ring.
 * The mistakes below are the ones practitioners report; racfring checks only the text.
 */

export interface UrlCheck {
  url: string;
  scheme: string;
  owner: string | null;
  ring: string | null;
  problems: string[];
}

/** Keystore type each scheme needs (IBM Java on z/OS keystore providers). */
const TYPE_FOR: Record<string, string> = {
  safkeyring: "JCERACFKS",
  safkeyringjce: "JCERACFKS",
  safkeyringhw: "JCECCARACFKS",
  safkeyringjcecca: "JCECCARACFKS",
  safkeyringhybrid: "JCEHYBRIDRACFKS",
  safkeyringjcehybrid: "JCEHYBRIDRACFKS",
};

export function findKeyringUrl(text: string): UrlCheck | null {
  const m = /\b(safkeyring[a-z]*)\s*:\s*(\/*)([^\s"'<>,;]{0,260})/i.exec(text);
  if (!m) return null;
  const scheme = (m[1] ?? "").toLowerCase();
  const slashes = m[2] ?? "";
  const rest = m[3] ?? "";
  const url = `${m[1]}:${slashes}${rest}`;
  const problems: string[] = [];
  if (!(scheme in TYPE_FOR))
    problems.push(`"${m[1]}" is not a key ring scheme (safkeyring, safkeyringhw, safkeyringhybrid)`);
  let owner: string | null = null;
  let ring: string | null = null;
  if (slashes.length === 3) {
    ring = rest;
  } else if (slashes.length === 2) {
    const parts = rest.split("/");
    if (parts.length === 1) {
      problems.push(
        `"${url}" has no ring after the owner; write ${scheme}://OWNER/RING, or ${scheme}:///RING for the running user's own ring`,
      );
      owner = parts[0] || null;
    } else {
      owner = parts[0] || null;
      ring = parts.slice(1).join("/");
      if (parts.length > 2) problems.push(`"${url}" has more than one "/" after the owner`);
    }
  } else {
    problems.push(
      `"${url}" needs two slashes before the owner (${scheme}://OWNER/RING) or three for one's own ring`,
    );
    const parts = rest.split("/");
    owner = parts.length > 1 ? parts[0] || null : null;
    ring = parts.length > 1 ? parts.slice(1).join("/") : rest || null;
  }
  if (owner && !/^[A-Za-z#$@][A-Za-z0-9#$@]{0,7}$/.test(owner))
    problems.push(`owner "${owner}" is not a user id (1–8 characters)`);
  if (ring === "") problems.push(`"${url}" names no ring`);
  if (ring && /[.]p12$|[.]jks$|[.]kdb$/i.test(ring))
    problems.push(`"${ring}" looks like a key store file, not a RACF ring name`);
  const type = /\b(JCE[A-Z]*RACFKS|JCERACFKS|JKS|PKCS12)\b/.exec(text)?.[1];
  const want = TYPE_FOR[scheme];
  if (type && want && type !== want)
    problems.push(`keystore type ${type} does not go with ${scheme}:// (it needs ${want})`);
  return { url, scheme, owner: owner?.toUpperCase() ?? null, ring: ring || null, problems };
}
