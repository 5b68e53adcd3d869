// `kubectl edit` sessions: the worker asks the page to open kubectl's temporary file, and kubectl
// waits until the learner saves and closes it (or cancels). The editor shows the session's buttons.
import { create } from 'zustand';
import { getConnection, ui, useUi } from '../../store';

/** The open session, if any. */
export interface EditSession {
  id: number;
  path: string;
}

/** The session store. */
export const useEditSession = create<{ session: EditSession | undefined }>(() => ({ session: undefined }));

let listening = false;

/** Starts following the worker's edit sessions (once). */
export function listenForEditSessions(): void {
  if (listening) return;
  listening = true;
  getConnection().client.on((m) => {
    if (m.type === 'edit-open') {
      useEditSession.setState({ session: { id: m.id, path: m.path } });
      ui.openFile(m.path);
    } else if (m.type === 'edit-close') {
      const s = useEditSession.getState().session;
      if (s?.id !== m.id) return;
      useEditSession.setState({ session: undefined });
      if (useUi.getState().openFile === s.path) ui.openFile(undefined);
    } else if (m.type === 'booted') {
      useEditSession.setState({ session: undefined });
    }
  });
}

/** Ends the session: kubectl reads the file back (save) or keeps the text it had (cancel). */
export function finishEdit(save: boolean): void {
  const s = useEditSession.getState().session;
  if (!s) return;
  getConnection().send({ type: 'edit-done', id: s.id, save });
}
