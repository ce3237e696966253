// The ONNX protobuf classes, and the opset we emit, pinned in one place.
import onnxProto from 'onnx-proto';

export const { onnx } = onnxProto;
export type { onnx as OnnxTypes } from 'onnx-proto';

/** ONNX opset of the standard domain: every op we emit exists in it with the semantics we rely on. */
export const OPSET = 17;
/** ONNX IR version 8 goes with opset 17 (ONNX 1.12). */
export const IR_VERSION = 8;
export const PRODUCER = 'gatelab';
