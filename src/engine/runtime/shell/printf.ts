// printf(1) formatting and echo's backslash escapes, as the shells' built-ins implement them.

/** Backslash escapes of `echo -e` (and dash's echo): returns the text and whether \c stopped output. */
export function unescapeEcho(s: string): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\' || i + 1 >= s.length) { out += c; continue; }
    const n = s[++i];
    switch (n) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case 'a': out += '\x07'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'v': out += '\v'; break;
      case 'e': out += '\x1b'; break;
      case '\\': out += '\\'; break;
      case 'c': return { text: out, stop: true };
      case '0': {
        const m = /^[0-7]{0,3}/.exec(s.slice(i + 1))![0];
        out += String.fromCharCode(parseInt(m || '0', 8));
        i += m.length;
        break;
      }
      default: out += `\\${n}`;
    }
  }
  return { text: out, stop: false };
}

function pad(s: string, width: number, left: boolean, zero: boolean): string {
  if (s.length >= width) return s;
  if (left) return s + ' '.repeat(width - s.length);
  if (zero) {
    const neg = s.startsWith('-');
    return (neg ? '-' : '') + '0'.repeat(width - s.length) + (neg ? s.slice(1) : s);
  }
  return ' '.repeat(width - s.length) + s;
}

const toInt = (a: string | undefined): number => {
  if (a === undefined || a === '') return 0;
  if (/^'/.test(a) || /^"/.test(a)) return a.charCodeAt(1) || 0;
  const n = /^0[xX]/.test(a) ? parseInt(a, 16) : parseInt(a, 10);
  return Number.isNaN(n) ? 0 : n;
};

/** printf FORMAT ARGS…: the format is reused while arguments remain. */
export function formatPrintf(format: string, args: string[]): string {
  let out = '';
  let ai = 0;
  for (let pass = 0; pass === 0 || ai < args.length; pass++) {
    let usedArg = false;
    for (let i = 0; i < format.length; i++) {
      const c = format[i];
      if (c === '\\') {
        const r = unescapeEcho(format.slice(i, i + 2));
        if (format[i + 1] === '0' || /[0-7]/.test(format[i + 1] ?? '')) {
          const m = /^[0-7]{1,3}/.exec(format.slice(i + 1))![0];
          out += String.fromCharCode(parseInt(m, 8));
          i += m.length;
          continue;
        }
        out += r.text;
        i++;
        continue;
      }
      if (c !== '%') { out += c; continue; }
      const m = /^%([-+ #0]*)(\d+|\*)?(?:\.(\d+|\*))?([sdiouxXcbfeEgG%])/.exec(format.slice(i));
      if (!m) { out += c; continue; }
      i += m[0].length - 1;
      const [, flags, w, prec, conv] = m;
      if (conv === '%') { out += '%'; continue; }
      const width = w === '*' ? toInt(args[ai++]) : Number(w ?? 0);
      const precision = prec === '*' ? toInt(args[ai++]) : prec !== undefined ? Number(prec) : undefined;
      const arg = args[ai++];
      usedArg = true;
      const left = flags.includes('-');
      const zero = flags.includes('0') && !left;
      let s: string;
      switch (conv) {
        case 's': s = arg ?? ''; if (precision !== undefined) s = s.slice(0, precision); break;
        case 'b': s = unescapeEcho(arg ?? '').text; break;
        case 'c': s = (arg ?? '').slice(0, 1); break;
        case 'd': case 'i': { const n = toInt(arg); s = (flags.includes('+') && n >= 0 ? '+' : '') + String(n); break; }
        case 'u': s = String(Math.abs(toInt(arg))); break;
        case 'o': s = toInt(arg).toString(8); break;
        case 'x': s = toInt(arg).toString(16); break;
        case 'X': s = toInt(arg).toString(16).toUpperCase(); break;
        case 'f': s = (Number(arg ?? 0) || 0).toFixed(precision ?? 6); break;
        case 'e': case 'E': s = (Number(arg ?? 0) || 0).toExponential(precision ?? 6).replace(/e([+-])(\d)$/, 'e$10$2'); if (conv === 'E') s = s.toUpperCase(); break;
        default: s = String(Number(arg ?? 0) || 0);
      }
      out += pad(s, width, left, zero && conv !== 's');
    }
    if (!usedArg) break;
  }
  return out;
}
