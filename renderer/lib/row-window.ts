// The arithmetic of a virtualized table: which rows to render for a scroll position, and which pages
// of rows to fetch. Kept pure so it is tested without a DOM.
export const PAGE_ROWS = 200;

export function visibleRange(scrollTop: number, viewportHeight: number, rowHeight: number, total: number, overscan = 10): { start: number; end: number } {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const count = Math.ceil(viewportHeight / rowHeight);
  const start = Math.max(0, first - overscan);
  const end = Math.min(total, first + count + overscan);
  return { start, end: Math.max(start, end) };
}

export function pagesFor(start: number, end: number, pageRows = PAGE_ROWS): number[] {
  if (end <= start) return [];
  const pages: number[] = [];
  for (let p = Math.floor(start / pageRows); p <= Math.floor((end - 1) / pageRows); p++) pages.push(p);
  return pages;
}

/** Remembers fetched pages (at most `keep`, least recently used evicted) and dedups in-flight fetches. */
export class PageCache<Row> {
  private readonly pages = new Map<number, Row[]>();
  private readonly inflight = new Set<number>();

  constructor(private readonly keep = 50) {}

  row(index: number, pageRows = PAGE_ROWS): Row | undefined {
    return this.pages.get(Math.floor(index / pageRows))?.[index % pageRows];
  }

  has(page: number): boolean {
    return this.pages.has(page) || this.inflight.has(page);
  }

  async fetch(page: number, load: (page: number) => Promise<Row[]>): Promise<boolean> {
    if (this.has(page)) return false;
    this.inflight.add(page);
    try {
      const rows = await load(page);
      this.pages.set(page, rows);
      while (this.pages.size > this.keep) this.pages.delete(this.pages.keys().next().value as number);
      return true;
    } finally {
      this.inflight.delete(page);
    }
  }

  clear(): void {
    this.pages.clear();
  }
}
