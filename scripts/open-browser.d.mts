// Types of scripts/open-browser.mjs (the tests are TypeScript).
import type { spawn as spawnProcess } from 'node:child_process';
import type { request as httpRequest } from 'node:http';

export function openerFor(platform?: NodeJS.Platform, env?: NodeJS.ProcessEnv): string[] | null;
export function openUrl(tokenUrl: string, options?: { request?: typeof httpRequest }): Promise<string>;
export function openBrowser(
  tokenUrl: string,
  options?: { platform?: NodeJS.Platform; env?: NodeJS.ProcessEnv; spawn?: typeof spawnProcess; request?: typeof httpRequest; report?: (line: string) => void },
): Promise<{ command: string; args: string[] } | null>;
