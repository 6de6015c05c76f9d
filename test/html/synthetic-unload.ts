import { renderRecord } from "../readers/unload-render.js";

/**
 * A synthetic IRRDBU00 unload for the HTML report's size test (no `racfring synth` yet): `rings`
 * rings of `USERnnnn`, each holding its owner's server certificate (PERSONAL DEFAULT) and the
 * site CA (CERTAUTH), every tenth server certificate 1024-bit (a weak-key finding), and
 * filler users with a group connection each, up to `filler` records in all: records the report
 * must not grow with.
 */
export function syntheticUnload(rings: number, filler: number): { text: string; records: number } {
  const out: string[] = [];
  const ymd = (d: string) => d;
  const cert = (
    owner: string,
    name: string,
    label: string,
    issuer: string,
    subject: string,
    size: number,
  ) => {
    out.push(renderRecord("0207", { USCERT_NAME: owner, USCERT_CERT_NAME: name, USCERT_CERTLABL: label }));
    out.push(
      renderRecord("0500", {
        GRBD_NAME: name,
        GRBD_CLASS_NAME: "DIGTCERT",
        GRBD_GENERIC: "NO",
        GRBD_OWNER_ID: "SECADM",
        GRBD_UACC: "TRUST",
        GRBD_APPL_DATA: owner,
      }),
    );
    out.push(
      renderRecord("0560", {
        GRCERT_NAME: name,
        GRCERT_CLASS_NAME: "DIGTCERT",
        GRCERT_START_DATE: ymd("2025-01-01"),
        GRCERT_START_TIME: "00:00:00",
        GRCERT_END_DATE: ymd("2028-01-01"),
        GRCERT_END_TIME: "00:00:00",
        GRCERT_KEY_TYPE: size === 4096 ? "" : "PKCSDER",
        GRCERT_KEY_SIZE: size,
        GRCERT_GEN_REQ: "NO",
      }),
    );
    out.push(
      renderRecord("1560", {
        CERTN_NAME: name,
        CERTN_CLASS_NAME: "DIGTCERT",
        CERTN_ISSUER_DN: issuer,
        CERTN_SUBJECT_DN: subject,
        CERTN_SIG_ALG: "sha256RSA",
      }),
    );
  };
  // Everyone may read their own ring (racf-rules §1), so applications are predicted to succeed.
  out.push(
    renderRecord("0500", {
      GRBD_NAME: "IRR.DIGTCERT.LISTRING",
      GRBD_CLASS_NAME: "FACILITY",
      GRBD_GENERIC: "NO",
      GRBD_UACC: "READ",
    }),
  );
  const caDn = "CN=Synthetic Root CA.O=Example.C=US";
  const caName = `00.${caDn.replace(/ /g, "¢")}`;
  cert("irrcerta", caName, "Synthetic Root CA", caDn, caDn, 4096);
  for (let i = 0; i < rings; i++) {
    const user = `USER${String(i).padStart(4, "0")}`;
    const dn = `CN=${user.toLowerCase()}.example.O=Example.C=US`;
    const name = `${(i + 1).toString(16).toUpperCase().padStart(4, "0")}.${caDn.replace(/ /g, "¢")}`;
    out.push(renderRecord("0200", { USBD_NAME: user, USBD_DEFGRP_ID: "SYS1" }));
    cert(user, name, `${user} server`, caDn, dn, i % 10 === 0 ? 1024 : 2048);
    const ring = `${user}.Ring${i}`;
    out.push(renderRecord("0500", { GRBD_NAME: ring, GRBD_CLASS_NAME: "DIGTRING", GRBD_UACC: "NONE" }));
    for (const [cn, label, usage, dflt] of [
      [name, `${user} server`, "PERSONAL", "YES"],
      [caName, "Synthetic Root CA", "CERTAUTH", "NO"],
    ] as const) {
      out.push(
        renderRecord("0562", {
          KEYR_NAME: ring,
          KEYR_CLASS_NAME: "DIGTRING",
          KEYR_CERT_NAME: cn,
          KEYR_CERT_USAGE: usage,
          KEYR_CERT_DEFAULT: dflt,
          KEYR_CERT_LABEL: label,
        }),
      );
      out.push(renderRecord("0561", { CERTR_NAME: cn, CERTR_CLASS_NAME: "DIGTCERT", CERTR_RING_NAME: ring }));
    }
  }
  // Filler users: rendered once, then the fixed-width name replaced (rendering 100k records
  // column by column takes half a minute).
  const userRec = renderRecord("0200", { USBD_NAME: "F0000000", USBD_DEFGRP_ID: "STAFF" });
  const connRec = renderRecord("0205", { USCON_NAME: "F0000000", USCON_GRP_ID: "STAFF" });
  for (let i = 0; out.length < filler; i++) {
    const user = `F${String(i).padStart(7, "0")}`;
    out.push(userRec.replace("F0000000", user), connRec.replace("F0000000", user));
  }
  return { text: `${out.join("\n")}\n`, records: out.length };
}
