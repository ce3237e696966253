// Light/dark theme: 'system' follows the OS; the choice is remembered in localStorage and applied
// as data-theme on <html>, which the CSS variables in styles/app.css key on.
export type ThemeMode = 'system' | 'light' | 'dark';
const KEY = 'gatelab.theme';

export class Theme {
  mode = $state<ThemeMode>('system');
  systemDark = $state(false);
  effective = $derived<'light' | 'dark'>(this.mode === 'system' ? (this.systemDark ? 'dark' : 'light') : this.mode);

  constructor(private readonly win: Window | null = typeof window === 'undefined' ? null : window) {
    if (!win) return;
    const saved = win.localStorage?.getItem(KEY);
    if (saved === 'light' || saved === 'dark' || saved === 'system') this.mode = saved;
    const mq = win.matchMedia?.('(prefers-color-scheme: dark)');
    this.systemDark = !!mq?.matches;
    mq?.addEventListener?.('change', (e) => (this.systemDark = e.matches));
  }

  set(mode: ThemeMode): void {
    this.mode = mode;
    this.win?.localStorage?.setItem(KEY, mode);
  }

  toggle(): void {
    this.set(this.effective === 'dark' ? 'light' : 'dark');
  }

  /** Call inside an $effect (App does) so <html data-theme> follows the state. */
  apply(doc: Document): void {
    doc.documentElement.dataset.theme = this.effective;
  }
}
