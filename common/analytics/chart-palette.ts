// The colours of chart series and of experts/components in stacked areas: one list for the app's charts
// and the HTML reports, so "expert 2" is the same colour in the Runs view and in the report of that run.
export const PALETTE: readonly string[] = ['#3b5bdb', '#e8590c', '#2b8a3e', '#ae3ec9', '#1098ad', '#f08c00', '#c2255c', '#5c940d', '#364fc7', '#862e9c'];
