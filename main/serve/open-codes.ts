// Single-use, short-lived codes that open the lab in a browser without the token: `npm start` asks for
// one (POST /open-codes, with the token) and hands the opener `http://127.0.0.1:P/open/CODE`. An
// opener's command line can be read by every local user (ps), and a browser records what it opens; this
// code is worthless once the browser has used it, or after a minute. It replaces a redirect file in /tmp,
// which snap and flatpak browsers (Ubuntu's default Firefox) cannot read.
import { randomBytes } from 'node:crypto';

/** `GET /open/CODE`: redeems the code, answers 302 to / with the token cookie. */
export const OPEN_ROUTE = '/open/';
/** `POST /open-codes` (authenticated): a new code, as text. */
export const OPEN_CODES_ROUTE = '/open-codes';
/** How long a code stays valid: a browser started cold opens it well within this. */
export const OPEN_CODE_MS = 60_000;
/** Codes waiting at once; only token holders can ask for them, so this only bounds a runaway script. */
const MAX_PENDING = 100;

export class OpenCodes {
  private readonly expiries = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now, private readonly ttlMs = OPEN_CODE_MS) {}

  issue(): string {
    this.prune();
    if (this.expiries.size >= MAX_PENDING) this.expiries.delete(this.expiries.keys().next().value!);
    const code = randomBytes(18).toString('base64url');
    this.expiries.set(code, this.now() + this.ttlMs);
    return code;
  }

  /** True once for a code issued less than ttlMs ago; false for an unknown, used or expired one. */
  redeem(code: string): boolean {
    const expires = this.expiries.get(code);
    if (expires === undefined) return false;
    this.expiries.delete(code);
    return this.now() < expires;
  }

  private prune(): void {
    const now = this.now();
    for (const [code, expires] of this.expiries) if (expires <= now) this.expiries.delete(code);
  }
}
