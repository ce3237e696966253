// The desktop window's uploads (dropped files that have no path on disk, e.g. dragged out of another
// app, are uploaded in chunks as in a browser): they belong to the page that began them, as a browser
// tab's belong to its socket in serve mode (main/serve/client-uploads.ts). At most UPLOADS_PER_CLIENT
// at once, and when the page goes away (View › Reload, a renderer crash, the window closed) its
// unfinished uploads are cancelled: the new page knows nothing of them, and they would hold file handles
// and partial files until the app quits. Typed structurally over WebContents, so it is tested without Electron.
import type { Lab } from '../lab/lab';
import { ClientUploads } from '../serve/client-uploads';

/** The WebContents events used here: a new document loaded, the renderer died, the contents destroyed. */
export interface PageEvents {
  on(event: 'did-navigate' | 'render-process-gone' | 'destroyed', listener: () => void): unknown;
}

export class WindowUploads {
  private readonly pages = new WeakMap<PageEvents, ClientUploads>();

  constructor(private readonly lab: Pick<Lab, 'dispatch'>) {}

  /** The uploads of the page `contents` shows now. */
  of(contents: PageEvents): ClientUploads {
    let uploads = this.pages.get(contents);
    if (!uploads) {
      uploads = this.fresh(contents);
      const ended = () => this.pages.get(contents)?.close();
      // a new document: the page that began the uploads is gone
      contents.on('did-navigate', () => { ended(); this.fresh(contents); });
      contents.on('render-process-gone', ended);
      contents.on('destroyed', ended);
    }
    return uploads;
  }

  private fresh(contents: PageEvents): ClientUploads {
    const uploads = new ClientUploads(this.lab, 'window');
    this.pages.set(contents, uploads);
    return uploads;
  }
}
