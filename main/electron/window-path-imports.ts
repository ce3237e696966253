// `datasets.import {path}` from the desktop window: allowed only for a file the user chose in the page
// that asks (chosen-paths.ts). Choices belong to the page, as uploads do (window-uploads.ts): a reload or a
// renderer crash starts a page with none. An import that fails gives its choice back so it can be retried;
// the lab reports a quick failure (a missing file) before it answers the request, so such an early end is
// held until the answer names its import. File › Import dataset… (dialogs.ts) imports in main and never
// comes through here. Typed structurally over WebContents, so it is tested without Electron.
import { LabError, type EventChannel } from '../../common/lab-api';
import type { Reply } from '../../common/lab-api/dispatch';
import { ChosenPaths } from './chosen-paths';
import type { PageEvents } from './window-uploads';

interface Started {
  choices: ChosenPaths;
  path: string;
}

export class WindowPathImports {
  private readonly pages = new WeakMap<PageEvents, ChosenPaths>();
  /** Imports begun on a choice and not ended yet, by import id. */
  private readonly running = new Map<string, Started>();
  /** Imports that ended while a `datasets.import` was waiting for its answer: id → whether it failed. */
  private readonly endedEarly = new Map<string, boolean>();
  private awaiting = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** The preload reported a file the user dropped or picked in the page `contents` shows. */
  chosen(contents: PageEvents, path: string): void {
    this.of(contents).choose(path);
  }

  /** Sends a path import on (`send`: the page's lab.dispatch) if the page chose that path; refuses it otherwise. */
  async import(contents: PageEvents, payload: unknown, send: (payload: unknown) => Promise<Reply>): Promise<Reply> {
    const path = (payload as { path?: unknown } | null)?.path;
    // Not a path at all: the lab's schema check words the error; nothing is read.
    if (typeof path !== 'string') return send(payload);
    const choices = this.of(contents);
    try {
      choices.take(path);
    } catch (e) {
      return { ok: false, error: LabError.from(e).toJSON() };
    }
    this.awaiting++;
    try {
      const reply = await send(payload);
      const importId = reply.ok ? (reply.result as { importId?: unknown } | null)?.importId : undefined;
      if (typeof importId !== 'string') {
        choices.giveBack(path); // refused (a bad option, the lab closing): the pick was not spent
      } else if (this.endedEarly.has(importId)) {
        if (this.endedEarly.get(importId)) choices.giveBack(path);
        this.endedEarly.delete(importId);
      } else {
        this.running.set(importId, { choices, path });
      }
      return reply;
    } finally {
      if (--this.awaiting === 0) this.endedEarly.clear(); // ends of imports nobody here is waiting for
    }
  }

  /** Every lab event: a path import that failed gives its choice back. */
  labEvent(event: EventChannel, data: unknown): void {
    if (event !== 'import.progress') return;
    const { importId, phase } = data as { importId: string; phase: string };
    if (phase !== 'done' && phase !== 'failed' && phase !== 'cancelled') return;
    const started = this.running.get(importId);
    if (started) {
      this.running.delete(importId);
      if (phase === 'failed') started.choices.giveBack(started.path);
    } else if (this.awaiting > 0) {
      this.endedEarly.set(importId, phase === 'failed');
    }
  }

  private of(contents: PageEvents): ChosenPaths {
    let choices = this.pages.get(contents);
    if (!choices) {
      choices = this.fresh(contents);
      // a new document, a dead renderer, a closed window: the page that chose the files is gone
      contents.on('did-navigate', () => this.fresh(contents));
      contents.on('render-process-gone', () => this.fresh(contents));
      contents.on('destroyed', () => this.pages.delete(contents));
    }
    return choices;
  }

  private fresh(contents: PageEvents): ChosenPaths {
    const choices = new ChosenPaths(this.now);
    this.pages.set(contents, choices);
    return choices;
  }
}
