// The gate library (ARCHITECTURE §3): every gate kind of common/gates compiled to engine IR. Each gate
// function takes a GateEnv, a name (the prefix of its parameters and statistics), its parsed config, and
// tensors; it returns its output with named statistics and auxiliary losses.
export * from './env';
export { opennessStats, meanEntropy, cv2, logSumExp, HIST_BINS } from './stats';
export { sigmoidGate, hardGate, type GateTarget } from './sigmoid';
export { glu, grn, variableSelection, norm, type GrnOptions } from './glu';
export { attention, type AttentionOptions } from './attention';
export { gla, glaRecurrent, glaChunked } from './gla';
export { route, softmaxRouter, topKRouter, sinkhornRouter, mmoeGates, mixExperts, temperature, topKMask, type RouterOutput } from './routers';
export { routerStatsAndLosses, type Routing } from './router-losses';
export { gmu } from './gmu';
export { earlyExit, type Exit } from './early-exit';
