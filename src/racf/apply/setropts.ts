import { setGrplist } from "../../model/access.js";
import { hasKeyword, type Keyword, type ParsedCommand } from "../parse.js";
import type { ApplyState } from "./state.js";

/**
 * SETROPTS: class activation, RACLIST (and REFRESH), GENERIC and GRPLIST.
 */

export function setropts(s: ApplyState, cmd: ParsedCommand): void {
  const model = s.ctx.model;
  const kws = cmd.keywords;
  const refresh = hasKeyword(kws, "REFRESH");
  const classes = (k: Keyword): string[] => {
    const names = k.values.map((v) => v.text.toUpperCase());
    if (names.includes("*")) return Object.keys(model.state.classes);
    return names;
  };
  for (const k of kws) {
    const source = s.source(k.line, k.column);
    switch (k.name) {
      case "CLASSACT":
        for (const c of classes(k)) model.setClass(c, { active: true }, source);
        break;
      case "NOCLASSACT":
        for (const c of classes(k)) model.setClass(c, { active: false }, source);
        break;
      case "RACLIST":
        for (const c of classes(k)) {
          // RACLIST(c) builds the in-storage profiles, REFRESH rebuilds them: both take the
          // changes made so far.
          s.unrefreshed.delete(c);
          s.inStorage.delete(c);
          if (refresh) {
            // REFRESH only works on a class that is RACLISTed, which in practice means active.
            model.setClass(c, { active: true, raclisted: true }, { ...source, kind: "inferred" });
            model.assume(`SETROPTS RACLIST(${c}) REFRESH implies ${c} is active and RACLISTed`, source);
          } else model.setClass(c, { raclisted: true }, source);
        }
        break;
      case "NORACLIST":
        for (const c of classes(k)) model.setClass(c, { raclisted: false }, source);
        break;
      case "GENERIC":
        for (const c of classes(k)) model.setClass(c, { generic: true }, source);
        break;
      case "NOGENERIC":
        for (const c of classes(k)) model.setClass(c, { generic: false }, source);
        break;
      case "GRPLIST":
        setGrplist(model, true, source);
        break;
      case "NOGRPLIST":
        setGrplist(model, false, source);
        break;
      case "PASSWORD":
        break;
    }
  }
}
