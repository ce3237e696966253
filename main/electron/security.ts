// Security per Electron's checklist (https://www.electronjs.org/docs/latest/tutorial/security):
// a strict CSP header on every response (#7), permission requests denied (#5), navigation limited to
// the app (#13), new windows refused and only http(s) links handed to the system browser (#14, #15).
import { session, shell, type WebContents } from 'electron';
import type { AppModule } from './context';
import { CSP, isAppUrl, isSafeExternalUrl } from './csp';

export function lockDown(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export const security: AppModule = {
  name: 'security',
  async enable({ app }) {
    app.on('web-contents-created', (_e, contents) => lockDown(contents));
    await app.whenReady();
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
    });
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
  },
};
