// Gate analytics contracts: knockout interventions and tables, conditional-compute reports, gate reports.
export * from './knockout';
export * from './bootstrap';
export * from './interval-method';
export * from './compute';
export * from './report';
export * from './protocol';
export * from './gate-names';
export * from './knockout-rows';
