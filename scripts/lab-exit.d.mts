// Types of scripts/lab-exit.mjs (the tests are TypeScript).
export function unexpectedExitMessage(signal: NodeJS.Signals | null, forwarded: NodeJS.Signals | null): string | null;
export function exitCodeOf(code: number | null, signal: NodeJS.Signals | null): number;
