// An error no verb reported itself (main/cli.ts): one line `gatelab VERB: message` and exit 1, no stack
// trace unless GATELAB_DEBUG is set. A stand-in verb throws past its own handling, as a bug would.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../cli';

vi.mock('./templates', () => ({
  command: { summary: 'a verb that fails', usage: '', options: [['--json', 'one JSON object on stdout']], run: async () => { (undefined as unknown as { x: { y: number } }).x.y = 1; return 0; } },
}));

afterEach(() => { vi.restoreAllMocks(); vi.unstubAllEnvs(); });

function capture(): { err: string[] } {
  const err: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => { err.push(a.map(String).join(' ')); });
  return { err };
}

describe('an error that escapes a verb', () => {
  it('prints one line naming the verb and how to see more, and exits 1', async () => {
    vi.stubEnv('GATELAB_DEBUG', '');
    const { err } = capture();
    expect(await main(['templates'])).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^gatelab templates: Cannot (read|set) properties of undefined .* \(GATELAB_DEBUG=1 gatelab \.\.\. prints where it happened\)$/);
    expect(err[0]).not.toMatch(/\n\s+at /);
  });

  it('with GATELAB_DEBUG set, the stack trace comes first', async () => {
    vi.stubEnv('GATELAB_DEBUG', '1');
    const { err } = capture();
    expect(await main(['templates'])).toBe(1);
    expect(err[0]).toMatch(/^TypeError: Cannot (read|set) properties of undefined[\s\S]*\n\s+at /);
    expect(err.at(-1)).toMatch(/^gatelab templates: Cannot (read|set) properties of undefined \([^)]*\)$/);
  });

  it('with --json, also ends stdout with the refusal line, in the words stderr says', async () => {
    vi.stubEnv('GATELAB_DEBUG', '');
    const { err } = capture();
    const out: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => { out.push(a.map(String).join(' ')); });
    expect(await main(['templates', '--json'])).toBe(1);
    expect(err).toHaveLength(1);
    expect(JSON.parse(out.at(-1)!)).toEqual({ command: 'templates', status: 'error', error: err[0].replace(/^gatelab templates: /, '') });
  });
});
