// The WebSocket framing of LabApi (serve mode). Client -> lab: a request with an id. Lab -> client:
// the reply to that id, or an event. Plain JSON; binary uploads travel as base64 inside payloads.
import { z } from 'zod';

/** Largest WebSocket message the server accepts; bigger ones close the socket with 1009. */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;
/** Raw bytes per upload chunk (base64 makes it 4/3 larger, well under MAX_MESSAGE_BYTES). */
export const UPLOAD_CHUNK_BYTES = 1024 * 1024;

export const WireRequest = z.object({ id: z.number().int(), channel: z.string().max(100), payload: z.unknown() });
export type WireRequest = z.infer<typeof WireRequest>;

export type WireMessage =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: { code: string; message: string } }
  | { event: string; data: unknown };
