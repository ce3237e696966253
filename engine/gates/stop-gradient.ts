// stopGradient(x): the identity forward, no gradient backward (straight-through estimators). The op lives
// in the core op table (engine/ops); gates import it from here or from the builders.
export { stopGradient } from '../ops/builders';
