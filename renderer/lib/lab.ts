// The one LabApi the whole UI uses: the preload's bridge inside Electron, otherwise the serve-mode
// WebSocket. Views never know which (Netron's "host" pattern). Either way errors reach views without the
// channel name the lab prefixes them with (user-errors.ts).
import type { LabApi } from '../../common/lab-api';
import { labFromReplies } from './in-process-lab';
import { connectSocketLab, socketUrl, type ConnectionState } from './ws-client';
import { speakingPlainly } from './user-errors';

export interface LabConnection {
  api: LabApi;
  face: 'electron' | 'browser';
  onState(listener: (s: ConnectionState, detail: string) => void): () => void;
  /** Local path of a dropped file (Electron only), so the lab imports it without an upload. */
  pathForFile(file: File): string | null;
}

export function connectLab(): LabConnection {
  const bridge = window.gatelab;
  if (bridge) {
    return {
      api: speakingPlainly(labFromReplies((c, p) => bridge.invoke(c, p), (e, l) => bridge.on(e, l))),
      face: 'electron',
      onState: (l) => (l('open', ''), () => {}),
      pathForFile: (f) => bridge.pathForFile(f) || null,
    };
  }
  const socket = connectSocketLab(socketUrl(window.location));
  return { api: speakingPlainly(socket), face: 'browser', onState: (l) => socket.onState(l), pathForFile: () => null };
}
