// The renderer is served from gatelab://app/ (not file://) so it has a real origin, the CSP header
// applies, and only files inside the built renderer folder can be read.
// https://www.electronjs.org/docs/latest/api/protocol#protocolhandlescheme-handler
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import type { AppModule } from './context';
import { APP_SCHEME, CSP } from './csp';
import { resolveUnder } from '../serve/static';

export const appProtocol: AppModule = {
  name: 'app protocol',
  async enable({ app, paths }) {
    protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    await app.whenReady();
    protocol.handle(APP_SCHEME, async (request) => {
      const url = new URL(request.url);
      const file = url.host === 'app' ? resolveUnder(paths.renderer, url.pathname) : null;
      if (!file) return new Response('not found', { status: 404 });
      const res = await net.fetch(pathToFileURL(file).toString());
      const headers = new Headers(res.headers);
      headers.set('Content-Security-Policy', CSP);
      headers.set('X-Content-Type-Options', 'nosniff');
      return new Response(res.body, { status: res.status, headers });
    });
  },
};
