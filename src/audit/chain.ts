/**
 * Chains as LISTCHAIN builds them live with the model (src/model/chain.ts): the audit judges
 * them, and `generate` completes an existing CA's chain on a ring with the same rule.
 */
export * from "../model/chain.js";
