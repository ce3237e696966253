// `npm start` opens serve's URL without its token on any command line: the opener gets the path of a
// redirect file only this user can read, which leads the browser to the URL and is removed soon after.
import { describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { openBrowser, openerFor, redirectPage } from './open-browser.mjs';

const URL_WITH_TOKEN = 'http://127.0.0.1:4321/?token=Zm9vYmFyLXNlY3JldC10b2tlbi0xMjM0NTY3OA';
const TOKEN = 'Zm9vYmFyLXNlY3JldC10b2tlbi0xMjM0NTY3OA';
const posix = process.platform !== 'win32';

/** A spawn that records what it was asked to run (nothing is started). */
function recordingSpawn(calls: Array<{ command: string; args: string[] }>) {
  return ((command: string, args: string[]) => {
    calls.push({ command, args });
    return Object.assign(new EventEmitter(), { unref() {} });
  }) as never;
}

describe('npm start: opening the browser', () => {
  for (const [platform, env, opener] of [['linux', { DISPLAY: ':0' }, 'xdg-open'], ['darwin', {}, 'open'], ['win32', {}, 'cmd']] as const) {
    it(`${platform}: the opener's arguments hold a file path, never the token`, () => {
      const calls: Array<{ command: string; args: string[] }> = [];
      const opened = openBrowser(URL_WITH_TOKEN, { platform, env, spawn: recordingSpawn(calls), keepMs: 60_000 })!;
      try {
        expect(calls).toEqual([{ command: opener, args: [...openerFor(platform, env)!.slice(1), opened.file.path] }]);
        expect(calls[0].args.join(' ')).not.toContain(TOKEN);
        expect(opened.file.path).toMatch(/open-gatelab\.html$/);
        expect(readFileSync(opened.file.path, 'utf8')).toBe(redirectPage(URL_WITH_TOKEN));
        if (posix) {
          expect(statSync(opened.file.path).mode & 0o777).toBe(0o600);
          expect(statSync(opened.file.dir).mode & 0o777).toBe(0o700);
        }
      } finally {
        opened.file.remove();
      }
    });
  }

  it('the file is removed after its time', async () => {
    const opened = openBrowser(URL_WITH_TOKEN, { platform: 'linux', env: { DISPLAY: ':0' }, spawn: recordingSpawn([]), keepMs: 50 })!;
    expect(existsSync(opened.file.path)).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(existsSync(opened.file.dir)).toBe(false);
  });

  it('the page sends the browser to the URL (JavaScript, meta refresh, link), escaped', () => {
    const page = redirectPage(URL_WITH_TOKEN);
    expect(page).toContain(`location.replace(${JSON.stringify(URL_WITH_TOKEN)})`);
    expect(page).toContain(`<meta http-equiv="refresh" content="0;url=${URL_WITH_TOKEN}">`);
    expect(page).toContain(`<a href="${URL_WITH_TOKEN}">`);
    const odd = redirectPage('http://127.0.0.1:1/?a="b"&c=</script>');
    expect(odd.match(/<\/script>/gi)).toHaveLength(1); // the URL cannot end the script early
    expect(odd).toContain('content="0;url=http://127.0.0.1:1/?a=&quot;b&quot;&amp;c=&lt;/script&gt;"');
  });

  it('Linux without a display: nothing is opened and no file is written', () => {
    const calls: Array<{ command: string; args: string[] }> = [];
    expect(openBrowser(URL_WITH_TOKEN, { platform: 'linux', env: {}, spawn: recordingSpawn(calls) })).toBeNull();
    expect(calls).toEqual([]);
  });

  it.skipIf(process.platform !== 'linux')('a real opener process: its command line (as ps shows it) has no token', () => {
    // /bin/sh stands in for xdg-open: it prints its own argv from /proc, as another user would read it
    const seen = spawnSync(process.execPath, ['--input-type=module', '-e', `
      import { spawn } from 'node:child_process';
      import { openBrowser } from ${JSON.stringify(new URL('./open-browser.mjs', import.meta.url).href)};
      const fakeOpener = (cmd, args, o) => spawn('/bin/sh', ['-c', 'tr "\\\\0" " " < /proc/$$/cmdline', 'xdg-open', ...args], { stdio: ['ignore', 'inherit', 'inherit'] });
      const opened = openBrowser(${JSON.stringify(URL_WITH_TOKEN)}, { platform: 'linux', env: { DISPLAY: ':0' }, spawn: fakeOpener, keepMs: 10_000 });
      setTimeout(() => opened.file.remove(), 500);
    `], { encoding: 'utf8', timeout: 30_000 });
    expect(seen.stdout).toMatch(/open-gatelab\.html/);
    expect(seen.stdout).not.toContain(TOKEN);
  });
});
