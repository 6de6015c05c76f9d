import type { ReadContext } from "../readers/context.js";
import { permit, profileDefine, profileDelete } from "./apply/profiles.js";
import { racdcert } from "./apply/racdcert.js";
import { finishRaclist } from "./apply/raclist.js";
import { setropts } from "./apply/setropts.js";
import { ApplyState } from "./apply/state.js";
import { addGroup, delGroup, delUser, groupConnect, userCommand } from "./apply/users.js";
import type { ParsedCommand } from "./parse.js";

export { altNames, keyStore, signatureAlgorithmFor, subjectDn } from "./apply/operands.js";

/**
 * Applying parsed RACF commands to the model, with RACF's semantics (rules §6 and the
 * IBM RACF Command Language Reference pages cited per command). When RACF would reject a
 * command, the command is reported (with the IBM message number where we know it) and not
 * applied, so the model shows what RACF would really hold after the job.
 *
 * This module dispatches each command to the module of its concept in ./apply/.
 */

export interface ApplyOptions {
  /** USER= of the JOB statement: who RACDCERT acts for when a command names no owner. */
  jobUser: string | null;
}

export class CommandApplier {
  private readonly state: ApplyState;

  constructor(ctx: ReadContext, options: ApplyOptions = { jobUser: null }) {
    this.state = new ApplyState(ctx, options.jobUser);
  }

  /** Apply one parsed command. Never throws on bad input. */
  apply(cmd: ParsedCommand): void {
    const s = this.state;
    switch (cmd.verb) {
      case "RACDCERT":
        racdcert(s, cmd);
        return;
      case "ADDUSER":
      case "ALTUSER":
        userCommand(s, cmd);
        return;
      case "DELUSER":
        delUser(s, cmd);
        return;
      case "ADDGROUP":
        addGroup(s, cmd);
        return;
      case "DELGROUP":
        delGroup(s, cmd);
        return;
      case "CONNECT":
      case "REMOVE":
        groupConnect(s, cmd);
        return;
      case "RDEFINE":
      case "RALTER":
        profileDefine(s, cmd);
        return;
      case "RDELETE":
        profileDelete(s, cmd);
        return;
      case "PERMIT":
        permit(s, cmd);
        return;
      case "SETROPTS":
        setropts(s, cmd);
        return;
      default:
        if (cmd.spec.role === "not-modelled") {
          s.issue(
            cmd.line,
            "not-modelled",
            `${cmd.verb} does not affect key rings and is not modelled; ignored`,
            "info",
            cmd.column,
          );
        }
    }
  }

  /** Called once the whole input is read: say which changes RACF does not see yet. */
  finish(): void {
    finishRaclist(this.state);
  }
}
