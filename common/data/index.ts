// Splits and feature pipelines: pure logic shared by the lab (which stores the results) and the
// trainer processes (which apply them to build batches).
export * from './roles';
export * from './random';
export * from './split-spec';
export * from './columns';
export * from './split';
export * from './scalers';
export * from './vocabulary';
export * from './text-hashing';
export * from './bucketing';
export * from './windows';
export * from './pipeline';
