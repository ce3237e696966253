// The import's notes as the Validation tab shows them (real messages of workers/import/infer.ts, header.ts,
// headerless-unix-seconds.ts): a column's type and the header guess in the app's actions, not CLI commands
// and options the app's import does not have.
import { describe, expect, it } from 'vitest';
import { uiHint } from './ui-hints';

describe('uiHint on type and header notes', () => {
  it("says a retype as the column's Type in Datasets → Schema", () => {
    expect(uiHint("column 'campaign': whole numbers named like an id, read as categorical (ids, not amounts); set its type to int if they are quantities (gatelab datasets types ID campaign=int)"))
      .toBe("column 'campaign': whole numbers named like an id, read as categorical (ids, not amounts); set its type to int if they are quantities (in Datasets → Schema: the Type of 'campaign' → int)");
    // a name with a space comes quoted for a shell; several columns at once
    expect(uiHint("If they are times, set the type datetime (gatelab datasets types ID 'Start Time=datetime'); if they are ids, leave it as it is"))
      .toBe("If they are times, set the type datetime (in Datasets → Schema: the Type of 'Start Time' → datetime); if they are ids, leave it as it is");
    expect(uiHint('Change the types back (gatelab datasets types 5 a=int b=float) or start a new run on the new types'))
      .toBe("Change the types back (in Datasets → Schema: the Type of 'a' → int, the Type of 'b' → float) or start a new run on the new types");
  });

  it('says what to do about the header guess without the --header option the app does not have', () => {
    const note = "row 1 read as a header (6 do not parse as their column's type (e.g. 'age')); import with --header no to change";
    expect(uiHint(note)).toBe("row 1 read as a header (6 do not parse as their column's type (e.g. 'age')); if row 1 is data, add a line of column names above it in the file and import it again");
    // the other way round only the command line can change: it says which option, as a command-line option
    expect(uiHint("row 1 read as data (as many of its cells parse as their column's values as do not); import with --header yes to change"))
      .toBe("row 1 read as data (as many of its cells parse as their column's values as do not); if row 1 holds the column names, import the file with the command line's --header yes");
  });
});
