// The exit codes of the `gatelab` verbs (README "Exit codes"). They are decided in the lab, beside what
// tells a refusal from a failure of the lab (main/lab/runs/exit-codes.ts, where they are documented), so
// the lab never imports the CLI; the verbs import them from here.
export { EXIT_OK, EXIT_FAILED, EXIT_REFUSED, exitCodeOfError } from '../lab/runs/exit-codes';
