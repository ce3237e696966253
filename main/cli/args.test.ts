// The CLI's argument grammar: a repeatable option keeps every value in order; other options keep their
// last one as before; flags that never take a value do not swallow the next word.
import { describe, expect, it } from 'vitest';
import { parseArgs, stringOption, stringOptions } from './args';

describe('parseArgs', () => {
  it('keeps every value of a repeated option, in order, and the last one as the single value', () => {
    const args = parseArgs(['--data-dir', '/a', '--data-dir=/b', 'run', '--port', '8080']);
    expect(stringOptions(args, 'data-dir')).toEqual(['/a', '/b']);
    expect(stringOption(args, 'data-dir')).toBe('/b');
    expect(stringOptions(args, 'port')).toEqual(['8080']);
    expect(stringOptions(args, 'home')).toEqual([]);
    expect(args.positionals).toEqual(['run']);
  });

  it('--new-token and --no-open are flags: the word after them stays a positional', () => {
    const args = parseArgs(['--new-token', 'extra', '--no-open', 'more']);
    expect(args.options).toEqual({ 'new-token': true, 'no-open': true });
    expect(args.positionals).toEqual(['extra', 'more']);
  });
});
