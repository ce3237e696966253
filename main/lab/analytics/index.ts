// Gate analytics in the lab core: knockouts, gate reports, background jobs with progress.
//   const analytics = new GateAnalytics(store, files, datasetResolver(registry));
//   await analytics.knockout(runId, { interventions: [{ gate: 'gate1', mode: 'closed' }] });
//   const id = analytics.queueKnockoutAll(runId); analytics.subscribe((job) => ...);
//   const { paths } = await analytics.report(runId);   // gate-report.html, feature-importance.csv
export { GateAnalytics, type AnalyticsJobStatus, type AnalyticsJobState, type KnockoutOptions } from './gate-analytics';
export { gateReportHtml, knockoutSection } from './report-html';
export { readKnockouts, readReport } from './results';
export { startAnalyticsJob } from './analytics-process';
