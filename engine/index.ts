// The engine's public surface: build a model with the builders, differentiate it with `grad`, write
// it as ONNX with `emitModel`. See engine/README.md for the contract.
export type { DType } from './ir/dtype';
export { isFloat, ONNX_DTYPE } from './ir/dtype';
export { Tensor, type Dim, type Shape, type TensorData, type Node, type SubGraph } from './ir/tensor';
export { GraphError } from './ir/errors';
export { topologicalOrder } from './ir/graph';
export * from './ops/builders';
export { grad } from './autodiff';
export { emitModel, buildModelProto, type EmitModelOptions } from './onnx/emit';
export { OPSET, IR_VERSION } from './onnx/proto';
export { opTable } from './ops/table';
