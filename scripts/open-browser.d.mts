// Types of scripts/open-browser.mjs (the tests are TypeScript).
import type { spawn as spawnProcess } from 'node:child_process';

export const REDIRECT_FILE_MS: number;
export function redirectPage(url: string): string;
export function writeRedirectFile(url: string, parent?: string): { path: string; dir: string; remove(): void };
export function openerFor(platform?: NodeJS.Platform, env?: NodeJS.ProcessEnv): string[] | null;
export function openBrowser(
  url: string,
  options?: { platform?: NodeJS.Platform; env?: NodeJS.ProcessEnv; spawn?: typeof spawnProcess; parent?: string; keepMs?: number },
): { command: string; args: string[]; file: { path: string; dir: string; remove(): void } } | null;
