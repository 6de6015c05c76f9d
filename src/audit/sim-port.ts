/**
 * The part of the simulator's interface the audit uses (src/sim/simulate.ts implements it; the
 * shape is the one agreed in the project brief). The engine takes the function as a parameter
 * so that the audit core stays pure and testable without the simulator.
 */
import type { RacfModel } from "../model/model.js";
import type { Confidence, Source } from "../model/types.js";

export interface AuditSimRequest {
  user: string;
  ring: { owner: string; name: string };
  label?: string | null;
  role?: "server" | "client";
  clientAuth?: "none" | "passthru" | "full" | "required";
  at: Date;
  protocols?: string[] | null;
  ciphers?: string[] | null;
  userOrigin?: { description: string; startedProfile: string | null; sources: Source[] } | null;
  /** false: the audit keeps no trace, so the simulator need not write one (src/sim/types.ts). */
  trace?: boolean;
}

export interface AuditSimResult {
  rc: number;
  text: string;
  confidence: Confidence;
  /** `notes`: steps that are not RACF commands (policy refresh, restart). */
  fix: { summary: string; commands: string[]; notes?: string[] } | null;
  assumptions: string[];
  /** Facts the inputs do not show that `rc` rests on (absent: a simulator without them). */
  conditions?: { kind: string; text: string; decide: string[] }[];
  /** The other outcomes the conditions open. */
  outcomes?: { rc: number; text: string; condition: string; confidence: Confidence }[];
}

export type SimulateFn = (model: RacfModel, req: AuditSimRequest) => AuditSimResult;
