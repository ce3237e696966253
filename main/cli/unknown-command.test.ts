// An unknown verb is refused (exit 2) with the nearest verb, as an unknown option is; `compare`, which the
// README names as the app's view, says where Compare is and what the command line offers instead.
import { describe, expect, it } from 'vitest';
import { main, unknownCommand } from '../cli';
import { gatelab } from './testing/gatelab';

describe('gatelab with an unknown command', () => {
  it('suggests the nearest verb for a typo', () => {
    expect(unknownCommand('dataset')).toBe("unknown command 'dataset' (did you mean 'datasets'?). Run 'gatelab help' for the list.");
    expect(unknownCommand('run')).toBe("unknown command 'run' (did you mean 'runs'?). Run 'gatelab help' for the list.");
    expect(unknownCommand('predict')).toBe("unknown command 'predict'. Run 'gatelab help' for the list.");
  });

  it("'compare': the app's view, and the command line's runs and sweep summary", () => {
    expect(unknownCommand('compare')).toMatch(/^'compare' is not a command\. Compare is a view of the app \(npm start, or gatelab serve in a browser\).*gatelab runs lists every run's test metrics/);
  });

  it('exits 2, saying it on stderr', async () => {
    const errors: string[] = [];
    const error = console.error;
    console.error = (line: string) => { errors.push(line); };
    try {
      expect(await main(['templats'])).toBe(2);
    } finally {
      console.error = error;
    }
    expect(errors).toEqual(["gatelab: unknown command 'templats' (did you mean 'templates'?). Run 'gatelab help' for the list."]);
  });

  it('under --json, ends stdout with a JSON refusal line, wherever --json is typed', async () => {
    for (const line of [['templats', '--json'], ['--json', 'templats']]) {
      const r = await gatelab(line);
      expect(r.code).toBe(2);
      expect(JSON.parse(r.out)).toEqual({ command: null, status: 'error', error: "unknown command 'templats' (did you mean 'templates'?). Run 'gatelab help' for the list." });
    }
    // without --json: stderr only
    expect((await gatelab(['templats'])).out).toBe('');
  });

  it("an Object method's name ('constructor', 'toString') is an unknown command, not a crash", async () => {
    const errors: string[] = [];
    const error = console.error;
    console.error = (line: string) => { errors.push(line); };
    try {
      expect(await main(['constructor'])).toBe(2);
      expect(await main(['toString', '--json'])).toBe(2);
    } finally {
      console.error = error;
    }
    expect(errors[0]).toMatch(/^gatelab: unknown command 'constructor'/);
    expect(errors[1]).toMatch(/^gatelab: unknown command 'toString'/);
  });
});
