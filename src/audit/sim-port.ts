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
  at: Date;
  protocols?: string[] | null;
  ciphers?: string[] | null;
  userOrigin?: { description: string; startedProfile: string | null; sources: Source[] } | null;
}

export interface AuditSimResult {
  rc: number;
  text: string;
  confidence: Confidence;
  /** `notes`: steps that are not RACF commands (policy refresh, restart). */
  fix: { summary: string; commands: string[]; notes?: string[] } | null;
  assumptions: string[];
}

export type SimulateFn = (model: RacfModel, req: AuditSimRequest) => AuditSimResult;
