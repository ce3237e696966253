// The Validation tab shows the importer's findings in the app's words: advice the lab gives both ways
// ("(in the app: …; on the command line: gatelab …)") keeps only the app's half, and CLI-only advice is
// said as the Schema action, while the count and examples stay as the lab found them.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import type { ValidationIssue } from '../../common/lab-api';
import ValidationReport from './ValidationReport.svelte';

afterEach(() => cleanup());
const items = () => [...screen.getByTestId('validation').querySelectorAll('li strong')].map((s) => s.textContent);

const issue = (i: Partial<ValidationIssue> & Pick<ValidationIssue, 'message'>): ValidationIssue =>
  ({ kind: 'duplicate_time', severity: 'warning', count: 1, column: null, examples: [], ...i }) as ValidationIssue;

describe('ValidationReport', () => {
  it("keeps the app's half of advice given both ways, and words CLI role advice as Datasets → Schema", () => {
    render(ValidationReport, { props: { issues: [
      issue({ message: "1200 rows repeat the time of the row before in 'week': several series stacked in one file? Set the column that tells them apart to role series-id (in the app: Datasets → Schema → that column's Role → series-id; on the command line: gatelab datasets roles ID <column>=series-id)", count: 1200, column: 'week', examples: ['line 3: 2024-01-01'] }),
      issue({ message: "column 'tags' holds '|'-separated lists: give it the multi-hot role (one feature of its tokens): gatelab datasets roles DATASET 'tags=multi-hot'", column: 'tags' }),
    ] } });
    expect(items()).toEqual([
      "1,200 rows repeat the time of the row before in 'week': several series stacked in one file? Set the column that tells them apart to role series-id (Datasets → Schema → that column's Role → series-id)",
      "column 'tags' holds '|'-separated lists: give it the multi-hot role (one feature of its tokens): set roles in Datasets → Schema",
    ]);
    expect(screen.getByTestId('validation').textContent).not.toMatch(/gatelab|command line/);
    expect(screen.getByText('line 3: 2024-01-01')).toBeTruthy();
  });

  it('shows the code the lab quotes as code, without the backticks around it', () => {
    render(ValidationReport, { props: { issues: [
      issue({ kind: 'time_gaps', message: "time column 'date': 9 gaps (steps longer than the usual 1 day; longest 4 days at line 120). Forecasting reads rows as equally spaced steps and keeps the windows that span a gap (the run's data line counts them), though each joins times further apart than its lookback says. If that matters, resample the file to the usual step before importing it, e.g. pandas `df.set_index(pd.to_datetime(df.pop('date'))).resample('1D').first()`: the missing times become rows with empty values, which forecasting fills with the last value before them", count: 9, column: 'date' }),
    ] } });
    const item = screen.getByTestId('validation').querySelector('li strong')!;
    expect(item.textContent).not.toContain('`');
    expect(item.querySelector('code')?.textContent).toBe("df.set_index(pd.to_datetime(df.pop('date'))).resample('1D').first()");
    expect(item.textContent).toContain('e.g. pandas df.set_index');
  });
});
