// THE op table: every primitive op the engine knows, by ONNX name. Each entry holds, side by side, its
// shape/dtype inference, its ONNX emission and its backward rule. The families live in their own files.
import { controlOps } from './control';
import { elementwiseOps } from './elementwise';
import { indexingOps } from './indexing';
import { linalgOps } from './linalg';
import type { OpTable } from './op';
import { randomOps } from './random';
import { reduceOps } from './reduce';
import { runtimeShapeOps } from './runtime-shape';
import { shapeOps } from './shape';

export const opTable: OpTable = {
  ...elementwiseOps,
  ...linalgOps,
  ...reduceOps,
  ...shapeOps,
  ...runtimeShapeOps,
  ...indexingOps,
  ...controlOps,
  ...randomOps,
};
