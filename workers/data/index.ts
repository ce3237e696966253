// Data for trainers: a dataset cache + split + fitted pipeline → batch tensors per model family.
export * from './samples';
export { readDatasetCache, type CachedDataset } from './cache';
export { DatasetRunInput, LabDatasetPayload, datasetRunData, labDatasetRun, runDataFrom, type DatasetRun, type RunColumns } from './run-data';
export { stateFor } from './fitted';
export { forecastingSource, type ForecastingData } from './forecasting';
export { ctrSources, ctrShape, type CtrData } from './ctr';
export { fusionSources, fusionShape, type FusionData } from './fusion';
