// Hash routing (#/datasets/ID): works from file:// in Electron and from serve mode, no server routes.
export const VIEWS = ['datasets', 'models', 'runs', 'compare', 'export', 'settings'] as const;
export type View = (typeof VIEWS)[number];

export function parseHash(hash: string): { view: View; param: string | null } {
  const [, view, ...rest] = hash.replace(/^#/, '').split('/');
  const v = (VIEWS as readonly string[]).includes(view) ? (view as View) : 'datasets';
  return { view: v, param: rest.length ? decodeURIComponent(rest.join('/')) : null };
}

export class Router {
  view = $state<View>('datasets');
  param = $state<string | null>(null);
  /** The last parameter each view had (the run open in Runs): Export and Compare start from it when opened bare. */
  private lastParams: Partial<Record<View, string>> = {};

  constructor(private readonly win: Window | null = typeof window === 'undefined' ? null : window) {
    if (!win) return;
    this.apply(win.location.hash);
    win.addEventListener('hashchange', () => this.apply(win.location.hash));
  }

  go(view: View, param: string | null = null): void {
    const hash = `#/${view}${param ? `/${encodeURIComponent(param)}` : ''}`;
    if (this.win && this.win.location.hash !== hash) this.win.location.hash = hash;
    this.view = view;
    this.param = param;
    if (param) this.lastParams[view] = param;
  }

  /** The parameter `view` last had in this window (null if it never had one). */
  lastParam(view: View): string | null {
    return this.lastParams[view] ?? null;
  }

  private apply(hash: string): void {
    const r = parseHash(hash);
    this.view = r.view;
    this.param = r.param;
    if (r.param) this.lastParams[r.view] = r.param;
  }
}
