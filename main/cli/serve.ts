// `gatelab serve [--port P] [--home DIR] [--data-dir DIR]… [--new-token]`: the lab in a browser. The FIRST line
// on stdout is the URL with its token (scripts and e2e tests read it); everything else goes to stderr.
// The token and the port are kept in the lab home (serve/token-file.ts, serve/port-file.ts), so the URL
// survives a restart and an open tab reconnects by itself.
import type { CliCommand } from '../cli';
import { stringOption, stringOptions, type CliArgs } from './args';
import { Lab } from '../lab/lab';
import { startServer } from '../serve/server';
import { resolveDataDirs } from '../serve/data-dirs';
import { serveToken } from '../serve/token-file';
import { listenOnHomePort } from '../serve/port-file';
import { delimiter } from 'node:path';
import { ensureRendererBuilt } from '../serve/renderer-build';

/** The --data-dir folders as given: the flag repeated, each value possibly a list (the older form). */
export function dataDirArgs(args: CliArgs): string[] {
  return stringOptions(args, 'data-dir').flatMap((v) => v.split(delimiter)).filter(Boolean);
}

export const command: CliCommand = {
  summary: 'serve the lab UI to a browser on 127.0.0.1 (prints the URL with its access token)',
  usage: "",
  options: [
    // kept so that a tab left open reconnects after a restart; 0 is a one-off that leaves the kept port alone
    ["--port P", "the port on 127.0.0.1 (default: the one this lab home last used, or a free one if it is taken; 0: any free port, not kept)"],
    // the browser may be someone other than this machine's user: by default it can only upload files
    [`--data-dir DIR`, `a folder whose files the browser may import by path (others must be uploaded from the browser); repeatable, or DIR${delimiter}DIR…`],
    // the token is kept in the lab home so a bookmarked URL keeps working; this replaces it
    ["--new-token", "make a new access token (URLs printed before stop working) instead of reusing the saved one"],
    // `npm start -- --no-open` passes it on; serve itself never opens a browser, so it is accepted as is
    ["--no-open", "print the URL only (serve never opens a browser; npm start does unless given this)"],
  ],
  async run(args) {
    const portText = stringOption(args, 'port');
    const port = portText === undefined ? undefined : Number(portText);
    if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
      console.error(`gatelab serve: --port must be an integer 0..65535 (got '${portText}')`);
      return 2;
    }
    let dataDirs: string[];
    try {
      dataDirs = resolveDataDirs(dataDirArgs(args));
    } catch (e) {
      console.error(`gatelab serve: ${(e as Error).message}`);
      return 2;
    }
    const rendererDir = await ensureRendererBuilt();
    const lab = await Lab.open({ home: stringOption(args, 'home'), face: 'serve' });
    let token: ReturnType<typeof serveToken>;
    try {
      token = serveToken(lab.paths.home, { renew: args.options['new-token'] !== undefined });
    } catch (e) {
      console.error(`gatelab serve: ${(e as Error).message}`);
      await lab.close();
      return 2;
    }
    const listen = (p: number) => startServer({ lab, rendererDir, port: p, dataDirs, token: token.token, tokenFile: token.file });
    const started = await listenOnHomePort(lab.paths.home, port, listen).catch((e: NodeJS.ErrnoException) => {
      const where = port ? `127.0.0.1:${port}` : '127.0.0.1';
      console.error(`gatelab serve: cannot listen on ${where}: ${e.code === 'EADDRINUSE' ? 'the port is in use; pick another with --port, or --port 0 for any free one' : e.message}`);
      return null;
    });
    if (!started) {
      await lab.close();
      return 1;
    }
    const { server } = started;
    console.log(server.url);
    console.error(`gatelab serve: lab home ${lab.paths.home}; open the URL above in a browser, also to come back after closing the browser (Ctrl+C to stop; running runs are paused)`);
    if (token.notice) console.error(`gatelab serve: ${token.notice}`);
    if (token.warning) console.error(`gatelab serve: ${token.warning}`);
    else console.error(`gatelab serve: ${token.created ? 'a new access token, saved in' : 'the access token saved in'} ${token.file} (the URL stays the same across restarts${port === 0 ? ' with a fixed --port' : ''}; \`gatelab serve --new-token\` replaces it)`);
    for (const note of started.notes) console.error(`gatelab serve: ${note}`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    // As the desktop app quits: running runs write a pause checkpoint (resumed from exactly there, offered on
    // the next start), rather than being interrupted and redoing the steps since their last epoch. A second
    // Ctrl+C stops at once (those runs are then interrupted, resumable from their last checkpoint).
    process.once('SIGINT', () => process.exit(130));
    await server.close();
    const paused = await lab.quitGracefully();
    if (paused.length) console.error(`gatelab serve: paused run${paused.length > 1 ? 's' : ''} ${paused.join(', ')}; the next start offers to resume ${paused.length > 1 ? 'them' : 'it'} (or: gatelab resume ${paused[0]})`);
    return 0;
  },
};
