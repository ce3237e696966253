// The gate hook scope: while `withGateHook(hook, build)` runs, every gate environment created by
// gateEnv() gets `hook` as its `intervene`, so any model's forward (templates build their own env) can
// be observed or intervened on with no change to the model. Graph building is synchronous, so a
// module-level slot is enough; nesting restores the outer hook.
import type { Tensor } from '../ir/tensor';
import type { GateValueKind } from '../../common/analytics';

export type GateHook = (gate: string, kind: GateValueKind, value: Tensor) => Tensor;

let active: GateHook | undefined;

export function withGateHook<T>(hook: GateHook, build: () => T): T {
  const outer = active;
  active = hook;
  try {
    return build();
  } finally {
    active = outer;
  }
}

/** The hook of the innermost `withGateHook`, if any (gateEnv reads it). */
export const activeGateHook = (): GateHook | undefined => active;
