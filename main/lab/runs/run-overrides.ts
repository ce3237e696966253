// `--set key=value` for run configs: where each key lands (optimizer.lr, batchSize, model.lookback...) is
// common/runs/config-keys.ts's, the one reading of typed keys that sweep files share (common/runs/expand.ts).
// Values are JSON when they parse as JSON (numbers, booleans, arrays), else strings.
import { namingTypedKeys, overridePath, parseValue, setFields } from '../../../common/runs/config-keys';

export { overridePath, parseValue };

export function applyOverrides(config: Record<string, unknown>, sets: Array<[string, string]>): Record<string, unknown> {
  return setFields(config, sets.map(([key, text]) => [key, parseValue(text)]));
}

/**
 * A refusal of the run config names fields by their path in it ("run config: batchSize: 0 is out of
 * range"); a user who typed `--set batch-size=0` or `--set lr=-1` is told which of their words that is:
 * "run config: batchSize (--set batch-size=0): …".
 */
export function withTypedKeys(message: string, sets: Array<[string, string]>): string {
  return namingTypedKeys(message, sets.map(([key, text]) => ({ key, value: parseValue(text), said: `--set ${key}=${text}` })));
}
