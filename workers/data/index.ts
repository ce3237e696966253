// Data for trainers: a dataset cache + split + fitted pipeline → batch tensors per model family.
export * from './samples';
export { readDatasetCache, type CachedDataset } from './cache';
export { DatasetRunInput, LabDatasetPayload, datasetRunData, labDatasetRun, runDataFrom, type DatasetRun, type RunColumns } from './run-data';
export { checkForecastingRows, DUPLICATE_TIMES_ALLOWED, windowMisfit } from '../../common/data/forecasting-rows';
export { stateFor } from './fitted';
export { forecastingSource, forecastingSources, scaledChannels, type ForecastingData } from './forecasting';
export { coldStartNote, unseenShares } from './cold-start';
export { ctrSources, ctrShape, type CtrData } from './ctr';
export { fusionSources, fusionShape, type FusionData } from './fusion';
