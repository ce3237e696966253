// One wording of what sets a run apart, for the app's child runs, `--set` runs and sweep points: these are
// the words a user reads in `gatelab runs` and the app's run list, whichever face named the run.
import { describe, expect, it } from 'vitest';
import { changeWords, valueWord } from './change-words';

describe('changeWords', () => {
  it('key=value joined by " · ", a dotted key by its last part unless two share it, a repeated key by its last value', () => {
    expect(changeWords([['model.gate.kind', 'hard'], ['lr', '1e-3'], ['lr', '3e-4']])).toBe('kind=hard · lr=3e-4');
    expect(changeWords([['model.gate1.enabled', 'false'], ['model.gate2.enabled', 'false']])).toBe('model.gate1.enabled=false · model.gate2.enabled=false');
    expect(changeWords([])).toBe('');
  });

  it('is brief: at most 3 (or max), then "+N more", and a long value cut', () => {
    const five = [['a', '1'], ['b', '2'], ['c', '3'], ['d', '4'], ['e', '5']] as const;
    expect(changeWords(five)).toBe('a=1 · b=2 · c=3 · +2 more');
    expect(changeWords(five, { max: 1 })).toBe('a=1 · +4 more');
    expect(changeWords([['fields', valueWord([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14])]])).toBe('fields=[1,2,3,4,5,6,7,8,9,10,1…');
  });

  it("with the form's labels, each reads 'Label = value', in full", () => {
    const long = 'x'.repeat(30);
    expect(changeWords([['model.gate.kind', long]], { label: (k) => `<${k}>` })).toBe(`<model.gate.kind> = ${long}`);
  });

  it('says a value as a person writes it: strings bare, the rest as JSON', () => {
    expect([valueWord('element'), valueWord(0.003), valueWord(true), valueWord([1, 2]), valueWord(null)]).toEqual(['element', '0.003', 'true', '[1,2]', 'null']);
  });
});
