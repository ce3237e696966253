// The BrowserWindow options, as a pure function a test can inspect, and the remembered bounds.
// Security settings follow https://www.electronjs.org/docs/latest/tutorial/security (items 2-4, 6).
import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

export interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

export const DEFAULT_STATE: WindowState = { bounds: { x: 0, y: 0, width: 1360, height: 860 }, maximized: false };

/** `devTools`: only for a development build (`!app.isPackaged`); an installed app cannot open them at all. */
export function windowOptions(preload: string, state: WindowState = DEFAULT_STATE, devTools = false): BrowserWindowConstructorOptions {
  return {
    ...state.bounds,
    minWidth: 900,
    minHeight: 600,
    title: 'GateLab',
    show: false, // shown on ready-to-show: no white flash
    backgroundColor: '#f6f7f9',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false, // a file dropped on the window is an import, never a navigation
      spellcheck: false,
      devTools,
    },
  };
}

const sane = (r: unknown): r is Rectangle => {
  const b = r as Rectangle;
  return !!b && [b.x, b.y, b.width, b.height].every((v) => Number.isInteger(v)) && b.width >= 400 && b.height >= 300 && b.width < 20000 && b.height < 20000;
};

/** Last window state, or the default when the file is missing or damaged. */
export function loadWindowState(file: string): WindowState {
  if (!existsSync(file)) return DEFAULT_STATE;
  try {
    const s = JSON.parse(readFileSync(file, 'utf8')) as WindowState;
    return sane(s.bounds) ? { bounds: s.bounds, maximized: !!s.maximized } : DEFAULT_STATE;
  } catch {
    return DEFAULT_STATE;
  }
}

export function saveWindowState(file: string, state: WindowState): void {
  writeFileSync(`${file}.tmp`, JSON.stringify(state));
  renameSync(`${file}.tmp`, file);
}

/** Keeps the window on a visible display: bounds fully off every work area fall back to the default size, centred. */
export function onScreen(state: WindowState, workAreas: Rectangle[]): WindowState {
  const b = state.bounds;
  const visible = workAreas.some((a) => b.x < a.x + a.width - 50 && b.x + b.width > a.x + 50 && b.y >= a.y - 10 && b.y < a.y + a.height - 50);
  if (visible) return state;
  const a = workAreas[0] ?? { x: 0, y: 0, width: 1360, height: 860 };
  const width = Math.min(DEFAULT_STATE.bounds.width, a.width);
  const height = Math.min(DEFAULT_STATE.bounds.height, a.height);
  return { bounds: { x: a.x + Math.round((a.width - width) / 2), y: a.y + Math.round((a.height - height) / 2), width, height }, maximized: false };
}
