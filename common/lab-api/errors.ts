// Errors that cross LabApi keep a code the UI can act on and a message a person can read.
export type LabErrorCode =
  | 'unknown-channel' // the channel is not in the LabApi map
  | 'invalid-payload' // the payload failed its zod schema (message names the field)
  | 'not-found' // no dataset/run with that id
  | 'not-available' // that part of the lab is not built or not installed yet
  | 'cancelled'
  | 'too-large'
  | 'internal';

export class LabError extends Error {
  constructor(
    readonly code: LabErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LabError';
  }

  toJSON(): { code: LabErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }

  /** Rebuilds a LabError on the receiving side of a transport (IPC strips classes). */
  static from(value: unknown): LabError {
    if (value instanceof LabError) return value;
    if (value && typeof value === 'object' && 'code' in value && 'message' in value) {
      return new LabError(String((value as { code: unknown }).code) as LabErrorCode, String((value as { message: unknown }).message));
    }
    return new LabError('internal', value instanceof Error ? value.message : String(value));
  }
}
