// Turns what xterm reports as typed (onData: characters, escape sequences, bracketed pastes) into
// keys and text for the line editor. Stateful only across a paste split over several chunks.

/** Keys the line editor understands (readline's names where it has one). */
export type Key =
  | 'enter' | 'backspace' | 'delete' | 'left' | 'right' | 'up' | 'down' | 'home' | 'end'
  | 'word-left' | 'word-right' | 'kill-word-back' | 'kill-word-forward' | 'kill-end' | 'kill-start' | 'yank'
  | 'tab' | 'ctrl-c' | 'ctrl-d' | 'ctrl-l';

/** One piece of input. */
export type InputToken = { kind: 'text'; text: string } | { kind: 'key'; key: Key } | { kind: 'paste'; text: string };

const PASTE_START = '\x1b[200~';
const PASTE_END = '\x1b[201~';

const CONTROL: Readonly<Record<string, Key>> = {
  '\r': 'enter', '\n': 'enter', '\x7f': 'backspace', '\x08': 'backspace', '\t': 'tab',
  '\x03': 'ctrl-c', '\x04': 'ctrl-d', '\x0c': 'ctrl-l', '\x01': 'home', '\x05': 'end', '\x02': 'left', '\x06': 'right',
  '\x0b': 'kill-end', '\x15': 'kill-start', '\x17': 'kill-word-back', '\x19': 'yank', '\x10': 'up', '\x0e': 'down',
};

const ESCAPES: Readonly<Record<string, Key>> = {
  '[A': 'up', '[B': 'down', '[C': 'right', '[D': 'left', '[H': 'home', '[F': 'end',
  OA: 'up', OB: 'down', OC: 'right', OD: 'left', OH: 'home', OF: 'end',
  '[1~': 'home', '[7~': 'home', '[4~': 'end', '[8~': 'end', '[3~': 'delete',
  '[1;5C': 'word-right', '[1;3C': 'word-right', '[1;5D': 'word-left', '[1;3D': 'word-left',
  b: 'word-left', f: 'word-right', d: 'kill-word-forward', '\x7f': 'kill-word-back', '\x08': 'kill-word-back',
};

/** Removes what a pasted text must not carry into the shell: control characters but tab and newlines. */
export function sanitizePaste(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]/g, '');
}

/** An input parser (one per terminal). */
export class InputParser {
  private paste: string | undefined;

  /** Parses one chunk of onData. */
  parse(data: string): InputToken[] {
    const out: InputToken[] = [];
    let text = '';
    const flushText = () => {
      if (text) out.push({ kind: 'text', text });
      text = '';
    };
    let i = 0;
    while (i < data.length) {
      if (this.paste !== undefined) {
        const end = data.indexOf(PASTE_END, i);
        if (end < 0) {
          this.paste += data.slice(i);
          break;
        }
        out.push({ kind: 'paste', text: sanitizePaste(this.paste + data.slice(i, end)) });
        this.paste = undefined;
        i = end + PASTE_END.length;
        continue;
      }
      const c = data[i];
      if (c === '\x1b') {
        flushText();
        if (data.startsWith(PASTE_START, i)) {
          this.paste = '';
          i += PASTE_START.length;
          continue;
        }
        const seq = escapeSequence(data, i + 1);
        const key = ESCAPES[seq];
        if (key) out.push({ kind: 'key', key });
        i += 1 + seq.length;
        continue;
      }
      const key = CONTROL[c];
      if (key) {
        flushText();
        out.push({ kind: 'key', key });
      } else if (c >= ' ' && !(c >= '\x80' && c <= '\x9f')) {
        text += c;
      }
      i++;
    }
    flushText();
    return out;
  }
}

/** The escape sequence after an ESC at `i` (without the ESC): CSI, SS3, or one Alt+char. */
function escapeSequence(s: string, i: number): string {
  if (i >= s.length) return '';
  if (s[i] === '[') {
    let j = i + 1;
    while (j < s.length && !(s.charCodeAt(j) >= 0x40 && s.charCodeAt(j) <= 0x7e)) j++;
    return s.slice(i, Math.min(j + 1, s.length));
  }
  if (s[i] === 'O') return s.slice(i, i + 2);
  return s[i];
}
