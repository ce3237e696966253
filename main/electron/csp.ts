// The window's Content-Security-Policy: only our own bundled code, no eval, no inline scripts, no
// remote anything. https://www.electronjs.org/docs/latest/tutorial/security#7-define-a-content-security-policy
// Pure (no electron import) so a test can read it. The policy itself is shared with serve mode.
import { CONTENT_SECURITY_POLICY } from '../../common/content-security-policy';
export const APP_SCHEME = 'gatelab';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

export const CSP = CONTENT_SECURITY_POLICY;

/** Links the user clicks may open in the system browser only if they are plain web links. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password;
  } catch {
    return false;
  }
}

/** Navigation inside the window is allowed only within the app itself (hash changes). */
export function isAppUrl(url: string): boolean {
  try {
    return new URL(url).origin === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`);
  } catch {
    return false;
  }
}
