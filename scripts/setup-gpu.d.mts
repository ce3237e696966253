// Types of scripts/setup-gpu.mjs's checks (the tests are TypeScript).
export const FEED_HOST: string;
export function installEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
export function usesProxy(env: NodeJS.ProcessEnv): boolean;
export function driverProblem(machine: {
  procVersion: string | null;
  smi: { status: number | null; stdout?: string; stderr?: string; error?: (Error & { code?: string }) | undefined };
}): string | null;
export function lookupProblem(error: (Error & { code?: string }) | null, host?: string): string | null;
export function downloadProblem(result: { status: number | null; output: string; installed: boolean; binDir: string; proxy?: string | null }): string | null;
