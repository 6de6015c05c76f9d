/**
 * The Handlebars environment of the generator: an isolated instance (nothing registered on the
 * global one), compiled with `strict` (a missing view-model field is an error, not an empty
 * string) and `noEscape` (HTML escaping is wrong for JCL, shell and OpenSSL configuration).
 */
import Handlebars from "handlebars";
import { cnfValue, shq } from "./names.js";

/** Template sources by path relative to `templates/`, e.g. `jcl/job.jcl.hbs`. */
export type TemplateSources = Readonly<Record<string, string>>;

/** The templates the generator needs; a test checks that `templates/` holds exactly these. */
export const TEMPLATE_NAMES = [
  "jcl/jobcard.hbs",
  "jcl/job.jcl.hbs",
  "openssl/ca.cnf.hbs",
  "openssl/ca.sh.hbs",
  "openssl/cert.cnf.hbs",
  "openssl/sign.sh.hbs",
  "openssl/pkcs12.sh.hbs",
  "README.md.hbs",
] as const;

export type TemplateName = (typeof TEMPLATE_NAMES)[number];

export interface Renderer {
  render(name: Exclude<TemplateName, "jcl/jobcard.hbs">, view: object): string;
}

/** A string or number for a quoting helper; anything else is a bug in a view-model. */
function scalar(value: unknown, helper: string): string {
  if (typeof value === "string" || typeof value === "number") return String(value);
  throw new Error(`${helper}: expected a string, got ${value === null ? "null" : typeof value}`);
}

export function createRenderer(sources: TemplateSources): Renderer {
  const hb = Handlebars.create();
  hb.registerHelper("pad", (value: unknown, width: unknown) => String(value).padEnd(Number(width)));
  // The only ways a plan value enters a script or an OpenSSL configuration (names.ts says why).
  hb.registerHelper("sh", (value: unknown) => shq(scalar(value, "sh")));
  hb.registerHelper("shwords", (list: unknown) => {
    if (!Array.isArray(list)) throw new Error("shwords: expected a list");
    return list.map((w) => shq(scalar(w, "shwords"))).join(" ");
  });
  hb.registerHelper("cnf", (value: unknown) => cnfValue(scalar(value, "cnf")));
  hb.registerHelper("join", (list: unknown, sep: unknown) =>
    Array.isArray(list) ? list.join(String(sep)) : "",
  );
  hb.registerHelper("upper", (value: unknown) => String(value).toUpperCase());
  const partial = sources["jcl/jobcard.hbs"];
  if (partial === undefined) throw new Error('template "jcl/jobcard.hbs" is missing');
  hb.registerPartial("jobcard", hb.compile(partial, { noEscape: true, strict: true }));
  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  return {
    render(name, view) {
      let t = compiled.get(name);
      if (!t) {
        const src = sources[name];
        if (src === undefined) throw new Error(`template "${name}" is missing`);
        t = hb.compile(src, { noEscape: true, strict: true });
        compiled.set(name, t);
      }
      return t(view);
    },
  };
}
