// The page's own state (not the cluster's): theme, what is selected, which panes show, terminal
// tabs and preferences. Preferences persist in localStorage.
import { create } from 'zustand';

/** A colour theme. */
export type Theme = 'dark' | 'light';

/** An object the user selected (diagram, timeline, inspector). */
export interface Selection {
  /** Mirrored resource ("pods"). */
  resource: string;
  /** "namespace/name" or "name". */
  key: string;
}

/** A terminal tab. */
export interface TerminalTab {
  id: string;
  title: string;
}

/** Pane sizes in px (the flexible panes take the rest). */
export interface PaneSizes {
  editor: number;
  inspector: number;
  terminal: number;
  timeline: number;
}

/** The page's state. */
export interface UiState {
  theme: Theme;
  selection: Selection | undefined;
  showEditor: boolean;
  showInspector: boolean;
  sizes: PaneSizes;
  screenReader: boolean;
  tabs: TerminalTab[];
  activeTab: string;
  /** The file the editor shows (absolute path). */
  openFile: string | undefined;
}

const PREFS_KEY = 'kubesim.prefs.v1';

interface Prefs {
  theme?: Theme;
  showEditor?: boolean;
  showInspector?: boolean;
  sizes?: Partial<PaneSizes>;
  screenReader?: boolean;
}

function loadPrefs(): Prefs {
  try {
    return JSON.parse(localStorage.getItem(PREFS_KEY) ?? '{}') as Prefs;
  } catch {
    return {};
  }
}

function initialTheme(p: Prefs): Theme {
  if (p.theme) return p.theme;
  return typeof matchMedia !== 'undefined' && matchMedia('(prefers-color-scheme: light)').matches ? 'light' : 'dark';
}

/** Default sizes, fitted to the window so 1280×720 and a 1920 projector both work. */
export function defaultSizes(width: number, height: number): PaneSizes {
  return {
    editor: Math.round(Math.min(Math.max(width * 0.24, 260), 460)),
    inspector: Math.round(Math.min(Math.max(width * 0.22, 260), 440)),
    terminal: Math.round(Math.min(Math.max(height * 0.4, 200), 520)),
    timeline: Math.round(Math.min(Math.max(height * 0.16, 100), 220)),
  };
}

const prefs = typeof localStorage === 'undefined' ? {} : loadPrefs();
const win = typeof window === 'undefined' ? { innerWidth: 1280, innerHeight: 720 } : window;

/** The UI store. */
export const useUi = create<UiState>(() => ({
  theme: initialTheme(prefs),
  selection: undefined,
  showEditor: prefs.showEditor ?? true,
  showInspector: prefs.showInspector ?? true,
  sizes: { ...defaultSizes(win.innerWidth, win.innerHeight), ...prefs.sizes },
  screenReader: prefs.screenReader ?? false,
  tabs: [{ id: 't1', title: 'Terminal 1' }],
  activeTab: 't1',
  openFile: undefined,
}));

useUi.subscribe((s) => {
  if (typeof localStorage === 'undefined') return;
  const p: Prefs = { theme: s.theme, showEditor: s.showEditor, showInspector: s.showInspector, sizes: s.sizes, screenReader: s.screenReader };
  try {
    localStorage.setItem(PREFS_KEY, JSON.stringify(p));
  } catch {
    // Storage full or denied: preferences simply do not persist.
  }
});

let tabCounter = 1;
/** Commands new tabs run at their first prompt (the inspector's "Exec"). */
const tabCommands = new Map<string, string>();

/** The command a new tab should run at its first prompt, once. */
export function takeTabCommand(id: string): string | undefined {
  const c = tabCommands.get(id);
  tabCommands.delete(id);
  return c;
}

/** UI actions. */
export const ui = {
  select(selection: Selection | undefined): void {
    useUi.setState({ selection });
  },
  toggleTheme(): void {
    useUi.setState((s) => ({ theme: s.theme === 'dark' ? 'light' : 'dark' }));
  },
  togglePane(pane: 'showEditor' | 'showInspector'): void {
    useUi.setState((s) => ({ [pane]: !s[pane] }) as Partial<UiState>);
  },
  resize(pane: keyof PaneSizes, px: number): void {
    useUi.setState((s) => ({ sizes: { ...s.sizes, [pane]: Math.round(px) } }));
  },
  setScreenReader(on: boolean): void {
    useUi.setState({ screenReader: on });
  },
  openFile(path: string | undefined): void {
    useUi.setState({ openFile: path, showEditor: true });
  },
  /** Opens a terminal tab; `command` is typed at its first prompt, `title` names the tab. */
  newTab(command?: string, title?: string): string {
    const n = ++tabCounter;
    const id = `t${n}`;
    if (command) tabCommands.set(id, command);
    useUi.setState((s) => ({ tabs: [...s.tabs, { id, title: title ?? `Terminal ${n}` }], activeTab: id }));
    return id;
  },
  closeTab(id: string): void {
    useUi.setState((s) => {
      if (s.tabs.length <= 1) return s;
      const i = s.tabs.findIndex((t) => t.id === id);
      const tabs = s.tabs.filter((t) => t.id !== id);
      const activeTab = s.activeTab === id ? tabs[Math.max(0, i - 1)].id : s.activeTab;
      return { tabs, activeTab };
    });
  },
  activateTab(id: string): void {
    useUi.setState({ activeTab: id });
  },
};
