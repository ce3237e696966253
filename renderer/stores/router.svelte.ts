// Hash routing (#/datasets/ID): works from file:// in Electron and from serve mode, no server routes.
export const VIEWS = ['datasets', 'models', 'runs', 'compare', 'export', 'settings'] as const;
export type View = (typeof VIEWS)[number];

export function parseHash(hash: string): { view: View; param: string | null } {
  const [, view, ...rest] = hash.replace(/^#/, '').split('/');
  const v = (VIEWS as readonly string[]).includes(view) ? (view as View) : 'datasets';
  return { view: v, param: rest.length ? decodeURIComponent(rest.join('/')) : null };
}

/** The hash of a view and its parameter; commas stay readable (#/compare/3,5: a list of run ids). */
export function hashOf(view: View, param: string | null): string {
  return `#/${view}${param ? `/${encodeURIComponent(param).replace(/%2C/g, ',')}` : ''}`;
}

export class Router {
  view = $state<View>('datasets');
  param = $state<string | null>(null);
  /** The last parameter each view had (the run open in Runs): Export and Compare start from it when opened bare. */
  private lastParams: Partial<Record<View, string>> = {};
  /** goWith's value, until its view takes it (plain, not $state: taking it is no change to show). */
  private handed: { view: View; param: string; value: string } | null = null;

  constructor(private readonly win: Window | null = typeof window === 'undefined' ? null : window) {
    if (!win) return;
    this.apply(win.location.hash);
    win.addEventListener('hashchange', () => this.apply(win.location.hash));
  }

  go(view: View, param: string | null = null): void {
    const hash = hashOf(view, param);
    if (this.win && this.win.location.hash !== hash) this.win.location.hash = hash;
    this.view = view;
    this.param = param;
    if (param) this.lastParams[view] = param;
  }

  /**
   * Rewrites the current entry's parameter without a new history entry (a view's own state, such as the runs
   * picked in Compare, changing click by click: Back should leave the view, not undo one checkbox).
   * Null clears it, also as the view's last parameter.
   */
  replace(view: View, param: string | null): void {
    const hash = hashOf(view, param);
    if (this.win && this.win.location.hash !== hash) this.win.history.replaceState(this.win.history.state, '', hash);
    this.view = view;
    this.param = param;
    if (param) this.lastParams[view] = param;
    else delete this.lastParams[view];
  }

  /**
   * Opens `view` at `param` handing it `value` to take once (Knockouts' "Try on rows" opens Export at the run
   * with the knockout Try it is to pick). Not in the address: Back, Forward or a reload open the view as usual.
   */
  goWith(view: View, param: string, value: string): void {
    this.handed = { view, param, value };
    this.go(view, param);
  }

  /** The value goWith handed `view` at `param`, once: null after, and for another view or parameter (it is then dropped). */
  take(view: View, param: string | null): string | null {
    const h = this.handed;
    if (!h || h.view !== view) return null;
    this.handed = null;
    return h.param === param ? h.value : null;
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
