// What the Electron preload puts on `window.gatelab`: LabApi's two verbs in their raw form (replies
// are `Reply` objects so error codes survive the context bridge, which keeps only an Error's
// message), plus the local path of a dropped file. renderer/lib/lab.ts turns it into a LabApi.
import type { EventChannel } from '../lab-api';
import type { Reply } from './dispatch';

/** `F` is the DOM File type on both sides (common/ itself has no DOM). */
export interface ElectronBridge<F = unknown> {
  face: 'electron';
  invoke(channel: string, payload: unknown): Promise<Reply>;
  on(event: EventChannel, listener: (data: unknown) => void): () => void;
  /** Where a dropped File lives on disk ('' when it has none, e.g. dragged from a web page). */
  pathForFile(file: F): string;
}

/** IPC channel names: one per LabApi request (`lab:datasets.list`), one for all events. */
export const ipcChannel = (channel: string): string => `lab:${channel}`;
export const IPC_EVENT = 'lab:event';
