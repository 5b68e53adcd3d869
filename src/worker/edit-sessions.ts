// `kubectl edit` in the browser: with neither $KUBE_EDITOR nor $EDITOR set, the file kubectl would
// hand to an editor opens in the page's editor pane instead, and kubectl waits until the learner
// saves and closes it (or cancels, which leaves the text as it was: "Edit cancelled, no changes
// made."). Ctrl-C in the terminal closes the pane's session.
import type { MemFS } from '../shell';
import type { FromWorker } from './protocol';

/** What edit sessions need from the host. */
export interface EditSessionDeps {
  post(msg: FromWorker): void;
  fs(): MemFS;
  /** Tells the page about changed files (the temporary file appears and goes). */
  filesChanged(): void;
}

/** The open sessions. */
export class EditSessions {
  private next = 1;
  private readonly waiting = new Map<number, (save: boolean) => void>();

  constructor(private readonly deps: EditSessionDeps) {}

  /** Opens `text` in the page as /tmp/<fileName>; resolves to the saved text, the original when cancelled. */
  async edit(text: string, fileName: string, signal?: AbortSignal): Promise<string> {
    const fs = this.deps.fs();
    const path = `/tmp/${fileName}`;
    fs.write(path, text);
    this.deps.filesChanged();
    const id = this.next++;
    this.deps.post({ type: 'edit-open', id, path });
    try {
      const save = await new Promise<boolean>((resolve, reject) => {
        if (signal?.aborted) return reject(new Error('interrupted'));
        this.waiting.set(id, resolve);
        signal?.addEventListener('abort', () => reject(new Error('interrupted')), { once: true });
      });
      return save ? (fs.read(path) ?? text) : text;
    } finally {
      this.waiting.delete(id);
      fs.remove(path);
      this.deps.post({ type: 'edit-close', id });
      this.deps.filesChanged();
    }
  }

  /** The page closed a session: saved, or cancelled. */
  done(id: number, save: boolean): void {
    this.waiting.get(id)?.(save);
  }

  /** Cancels every session (a new cluster boots). */
  cancelAll(): void {
    for (const resolve of [...this.waiting.values()]) resolve(false);
  }
}
