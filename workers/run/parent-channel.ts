// The trainer's line to the lab, whichever way it was started: child_process.fork (process.send /
// 'message' / 'disconnect') or Electron's utilityProcess (process.parentPort, MessageEvent.data).
// Typed structurally: workers/ may not import electron.
export interface ParentChannel {
  /** Sends a message; `done` runs once it is handed to the OS (fork) or queued (utilityProcess). */
  send(message: unknown, done: () => void): void;
  onMessage(listener: (message: unknown) => void): void;
  /** The lab went away (fork: IPC disconnect). utilityProcess children are ended by Electron instead. */
  onGone(listener: () => void): void;
  /** Lets the process exit once the run is over. */
  close(): void;
  readonly connected: boolean;
}

interface ParentPortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
}

export function parentChannel(): ParentChannel | null {
  const port = (process as unknown as { parentPort?: ParentPortLike }).parentPort;
  if (port) {
    return {
      send(message, done) { port.postMessage(message); done(); },
      onMessage: (l) => port.on('message', (e) => l(e.data)),
      onGone: () => {},
      close: () => setImmediate(() => process.exit(0)),
      connected: true,
    };
  }
  if (!process.send) return null;
  return {
    send(message, done) {
      if (!process.connected) return done();
      process.send!(message, undefined, undefined, () => done());
    },
    onMessage: (l) => void process.on('message', l),
    onGone: (l) => void process.on('disconnect', l),
    close: () => process.disconnect?.(),
    get connected() { return process.connected === true; },
  };
}
