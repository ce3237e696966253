// A gate statistic's name in the app's words ("openness_hist" → "openness histogram"): the Runs view's panel
// titles, `gatelab show` and the HTML reports say the same, so a reader can match a report to the app.
// The stored names (the database, --json, the CSV) stay as they are.
const WORDS: Record<string, string> = {
  load_cv2: 'load CV²', z_loss: 'z-loss', load_balance: 'load balance', first_token_attention: 'first-token attention',
  openness_hist: 'openness histogram', modality_weights: 'modality weights', exit_rate: 'exit rate',
};

/** "load_cv2" → "load CV²", "openness_by_channel" → "openness by channel": the statistic in words. */
export function statWords(stat: string): string {
  return WORDS[stat] ?? stat.replace(/_/g, ' ');
}
