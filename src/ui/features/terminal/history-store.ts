// The shell history every terminal tab shares, kept across reloads like ~/.bash_history.
import { History } from './line-editor';

const KEY = 'kubesim.history.v1';
const MAX = 500;

function load(): string[] {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').slice(-MAX) : [];
  } catch {
    return [];
  }
}

class PersistedHistory extends History {
  override add(line: string): void {
    super.add(line);
    try {
      // Very long lines (a pasted manifest) are not worth keeping across reloads.
      localStorage.setItem(KEY, JSON.stringify(this.entries.filter((e) => e.length < 4096).slice(-MAX)));
    } catch {
      // Storage full or denied: history lives for this page only.
    }
  }
}

let entries: string[] | undefined;

/** A tab's history: its own position, over the entries every tab shares. */
export function tabHistory(): History {
  entries ??= typeof localStorage === 'undefined' ? [] : load();
  return new PersistedHistory(entries, MAX);
}
