// The exit codes every `gatelab` verb keeps, so a script can act on them (README "Exit codes"):
// 0 done; 1 a run failed, was cancelled or interrupted, or the lab itself failed (its database, its disk, a
// worker process); 2 what was asked was refused (a mistake in the command, a config, file or data the lab
// cannot use, a run or dataset that does not exist or is not in a state for it): nothing was changed;
// 3 a run ended paused (resumable: it did not finish, nothing is lost; EXIT_PAUSED in cli-session.ts, beside
// the run outcomes it is one of). 130: a second Ctrl-C while the lab closes.
// Kept here, beside refusal.ts that decides which is which, so lab code that ends a command (control-verb.ts)
// does not depend on the CLI; main/cli/exit-codes.ts re-exports them for the verbs.
import { isRefusal } from './refusal';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_REFUSED = 2;

/** The exit code of a command that ended on `e`: 2 when it refused the request, 1 when something failed. */
export const exitCodeOfError = (e: unknown): number => (isRefusal(e) ? EXIT_REFUSED : EXIT_FAILED);
