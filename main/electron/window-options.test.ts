// The desktop window's security settings and CSP, read from the pure functions the shell uses
// (the Electron binary is not needed). Electron's checklist: https://www.electronjs.org/docs/latest/tutorial/security
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { windowOptions, loadWindowState, saveWindowState, onScreen, DEFAULT_STATE } from './window-options';
import { CSP, isAppUrl, isSafeExternalUrl } from './csp';
import { senderIsOurWindow } from './ipc-sender';

describe('window webPreferences', () => {
  const prefs = windowOptions('/app/preload.cjs').webPreferences!;
  it('isolates the renderer: context isolation, sandbox, no Node', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webviewTag).toBe(false);
  });
  it('keeps web security on and insecure content off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs.preload).toBe('/app/preload.cjs');
  });
});

describe('Content-Security-Policy', () => {
  const directives = Object.fromEntries(CSP.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  it('allows scripts only from the app itself: no inline, no eval, no remote', () => {
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(CSP).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
  });
});

describe('navigation and external links', () => {
  it('opens only plain http(s) links outside the app', () => {
    expect(isSafeExternalUrl('https://arxiv.org/abs/2505.06708')).toBe(true);
    expect(isSafeExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isSafeExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isSafeExternalUrl('smb://host/share')).toBe(false);
    expect(isSafeExternalUrl('https://user:pw@evil.example')).toBe(false);
    expect(isSafeExternalUrl('not a url')).toBe(false);
  });
  it('navigates only within gatelab://app', () => {
    expect(isAppUrl('gatelab://app/index.html#/runs')).toBe(true);
    expect(isAppUrl('https://evil.example/')).toBe(false);
    expect(isAppUrl('gatelab://other/index.html')).toBe(false);
    expect(isAppUrl('file:///work/index.html')).toBe(false);
  });
});

describe('IPC sender check', () => {
  const mainFrame = { url: 'gatelab://app/index.html' };
  const webContents = { mainFrame };
  const win = { webContents, isDestroyed: () => false };
  const ctx = { window: win as never };
  it('accepts our window’s main frame only', () => {
    expect(senderIsOurWindow(ctx, { sender: webContents as never, senderFrame: mainFrame as never })).toBe(true);
    expect(senderIsOurWindow(ctx, { sender: {} as never, senderFrame: mainFrame as never })).toBe(false);
    expect(senderIsOurWindow(ctx, { sender: webContents as never, senderFrame: { url: 'gatelab://app/x' } as never })).toBe(false);
    expect(senderIsOurWindow({ window: null }, { sender: webContents as never, senderFrame: mainFrame as never })).toBe(false);
    const navigatedAway = { url: 'https://evil.example/' };
    const w2 = { webContents: { mainFrame: navigatedAway }, isDestroyed: () => false };
    expect(senderIsOurWindow({ window: w2 as never }, { sender: w2.webContents as never, senderFrame: navigatedAway as never })).toBe(false);
  });
});

describe('remembered window bounds', () => {
  it('round-trips, falls back on damage, and is pulled back on screen', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatelab-win-'));
    const file = join(dir, 'window-state.json');
    expect(loadWindowState(file)).toEqual(DEFAULT_STATE);
    const state = { bounds: { x: 40, y: 30, width: 1200, height: 800 }, maximized: true };
    saveWindowState(file, state);
    expect(loadWindowState(file)).toEqual(state);
    writeFileSync(file, '{"bounds": {"x": 1, "y": 2, "width": 5, "height": 5}}');
    expect(loadWindowState(file)).toEqual(DEFAULT_STATE);
    writeFileSync(file, 'garbage');
    expect(loadWindowState(file)).toEqual(DEFAULT_STATE);
    const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];
    expect(onScreen(state, screen)).toEqual(state);
    const lost = onScreen({ bounds: { x: 5000, y: 40, width: 1200, height: 800 }, maximized: false }, screen);
    expect(lost.bounds).toEqual({ x: 280, y: 110, width: 1360, height: 860 });
    rmSync(dir, { recursive: true, force: true });
  });
});
