// Streams one file as a response, and survives the file failing under it: removed or replaced between
// the caller's checks and the open, or a read error mid-way (a disk error, a special file). Before the
// headers go out the browser gets a 404/500 it can show; after, the response is cut short (the
// Content-Length tells the browser the download is incomplete). Either way the server keeps serving.
import { constants, promises as fsp } from 'node:fs';
import { pipeline } from 'node:stream';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { end } from './static';

// O_NONBLOCK: opening a FIFO put in place of the file must not hang a thread of the pool forever.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Sends `file` with `headers` (+ its Content-Length, read from the opened file). */
export function sendFile(req: IncomingMessage, res: ServerResponse, file: string, headers: OutgoingHttpHeaders): void {
  void send(req, res, file, headers).catch((e: Error) => failed(res, file, e));
}

async function send(req: IncomingMessage, res: ServerResponse, file: string, headers: OutgoingHttpHeaders): Promise<void> {
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(file, OPEN_FLAGS);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? end(res, 404, 'not found') : failed(res, file, e as Error);
  }
  let size: number;
  try {
    const st = await handle.stat();
    if (!st.isFile()) {
      await handle.close();
      return end(res, 404, 'not found');
    }
    size = st.size;
  } catch (e) {
    await handle.close().catch(() => {});
    throw e;
  }
  res.writeHead(200, { ...headers, 'Content-Length': size });
  if (req.method === 'HEAD') {
    await handle.close();
    return void res.end();
  }
  pipeline(handle.createReadStream(), res, (e) => {
    if (e && (e as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') failed(res, file, e);
  });
}

function failed(res: ServerResponse, file: string, e: Error): void {
  console.error(`gatelab serve: reading ${file} failed: ${e.message}`);
  if (!res.headersSent) end(res, 500, 'the file could not be read on the serve host (see its log)');
  else res.destroy();
}
