/// <reference types="svelte" />
/// <reference types="vite/client" />
import type { ElectronBridge } from '../common/lab-api/bridge';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a browser (serve mode uses a WebSocket). */
    gatelab?: ElectronBridge<File>;
  }
}
