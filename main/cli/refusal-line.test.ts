import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CliCommand } from '../cli';
import { refused } from './refusal-line';
import { sayRefusal } from './json-refusal';
import { Refusal } from '../lab/runs/refusal';

const verb: CliCommand = { summary: '', usage: '', options: [], run: async () => 0, jsonRefusal: (error) => ({ run: null, status: 'error', error }) };
const args = (json: boolean) => ({ positionals: [], options: json ? { json: true } : {}, sets: [] }) as never;

afterEach(() => vi.restoreAllMocks());

describe("a verb's refusal", () => {
  it('with --json: its JSON line on stdout, the run it knows filled in; always the message on stderr', () => {
    const out = vi.spyOn(console, 'log').mockImplementation(() => {});
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    sayRefusal('resume', verb, args(true), 'no run 9', { run: 9 });
    expect(out.mock.calls.map((c) => JSON.parse(c[0] as string))).toEqual([{ command: 'resume', run: 9, status: 'error', error: 'no run 9' }]);
    expect(err.mock.calls).toEqual([['gatelab resume: no run 9']]);
    sayRefusal('resume', verb, args(false), 'no run 9');
    expect(out).toHaveBeenCalledTimes(1);
    // a verb with no keys of its own still ends --json with the line: the command, the status and the words
    sayRefusal('cancel', undefined, args(true), 'no run 9');
    expect(JSON.parse(out.mock.calls[1][0] as string)).toEqual({ command: 'cancel', status: 'error', error: 'no run 9' });
    expect(err).toHaveBeenCalledTimes(3);
  });

  it('ends with 2 for a refusal and 1 for a failure of the lab', () => {
    vi.spyOn(console, 'log').mockImplementation(() => {});
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(refused('runs', verb, args(true), new Refusal('bad'))).toBe(2);
    expect(refused('runs', verb, args(true), new Error('disk full'))).toBe(1);
  });
});
