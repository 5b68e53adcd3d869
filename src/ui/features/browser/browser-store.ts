// The side pane's state: which view shows (the inspector or the browser) and the browser's page.
import { create } from 'zustand';
import { getConnection, ui, useUi } from '../../store';
import type { HttpResult } from '../../../worker';
import { normalizeUrl } from './browser-errors';

/** The side pane's view. */
export type SideView = 'inspector' | 'browser';

/** The browser's state. */
export interface BrowserState {
  view: SideView;
  /** The address bar's text. */
  typed: string;
  /** The URL of the page shown. */
  url: string | undefined;
  result: HttpResult | undefined;
  loading: boolean;
  /** Show the page's source instead of the page. */
  source: boolean;
}

/** The browser store. */
export const useBrowser = create<BrowserState>(() => ({ view: 'inspector', typed: '', url: undefined, result: undefined, loading: false, source: false }));

let seq = 0;

/** The inspector's width for its five tabs (Overview, Logs, Describe, YAML, Events). */
const INSPECTOR_MIN = 320;

/** A page wants room: widen the side pane to a readable width (the learner may shrink it again). */
function widen(): void {
  const want = Math.round(Math.min(480, window.innerWidth * 0.34));
  if (useUi.getState().sizes.inspector < want) ui.resize('inspector', want);
}

/** Browser actions. */
export const browser = {
  show(view: SideView): void {
    useBrowser.setState({ view });
    if (view === 'browser') widen();
  },
  type(typed: string): void {
    useBrowser.setState({ typed });
  },
  toggleSource(): void {
    useBrowser.setState((s) => ({ source: !s.source }));
  },
  /** Opens a URL (as typed in the address bar) from the learner's machine. */
  async open(typed: string): Promise<void> {
    const url = normalizeUrl(typed);
    const mine = ++seq;
    // An empty address is the start page (what this cluster serves).
    if (!url) return useBrowser.setState({ view: 'browser', typed: '', url: undefined, result: undefined, loading: false });
    useBrowser.setState({ view: 'browser', typed: url, url, loading: true });
    widen();
    let result: HttpResult;
    try {
      result = await getConnection().client.http(url);
    } catch (e) {
      result = { ok: false, error: e instanceof Error ? e.message : String(e), host: url, port: 0 };
    }
    if (mine === seq) useBrowser.setState({ result, loading: false });
  },
  reload(): Promise<void> {
    const { url } = useBrowser.getState();
    return url ? browser.open(url) : Promise.resolve();
  },
};

// Selecting an object (the diagram, the timeline) brings the inspector back, wide enough for its tabs.
useUi.subscribe((s, prev) => {
  if (!s.selection || s.selection === prev.selection) return;
  useBrowser.setState({ view: 'inspector' });
  if (s.sizes.inspector < INSPECTOR_MIN) ui.resize('inspector', INSPECTOR_MIN);
});
