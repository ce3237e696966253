// Where the browser face downloads an exported file: serve mode's GET /exports/<name> (main/serve/exports.ts)
// serves the lab home's exports/ folder, so a file written there is `/exports/<its path below it>`. A path
// outside that folder, or the desktop face (the file is on this machine already), gets no link.

/** The download URL of an exported file at `path`, or null (desktop face, or not under `home`/exports). */
export function downloadHref(path: string, home: string | undefined, face: string | undefined): string | null {
  if (face !== 'serve' || !home) return null;
  const norm = (p: string) => p.replace(/\\/g, '/').replace(/\/+$/, '');
  const root = `${norm(home)}/exports/`;
  const file = norm(path);
  if (!file.startsWith(root)) return null;
  const parts = file.slice(root.length).split('/');
  if (parts.some((p) => !p || p === '.' || p === '..')) return null;
  return `/exports/${parts.map(encodeURIComponent).join('/')}`;
}
