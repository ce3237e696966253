// The element types the engine knows. ONNX numbers them; keep the mapping here, in one place.
export type DType = 'float32' | 'float64' | 'int64' | 'bool';

export const ONNX_DTYPE: Record<DType, number> = { float32: 1, int64: 7, bool: 9, float64: 11 };

export const isFloat = (d: DType): boolean => d === 'float32' || d === 'float64';

/** The typed array that holds values of a dtype on the JS side. */
export type TypedArrayFor<D extends DType> = D extends 'float32'
  ? Float32Array
  : D extends 'float64'
    ? Float64Array
    : D extends 'int64'
      ? BigInt64Array
      : Uint8Array;
