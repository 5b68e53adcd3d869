// fmt.Sprintf for the values Go templates handle (strings, int64, float64, bool, nil, maps, slices): the verbs
// s v d q t f e g x X o b c, flags "-+# 0", width and precision, and Go's %!verb(type=value) for mismatches.
import { goFormatFloat, goQuote, goSprint } from './go-format';

function typeName(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  if (Array.isArray(v)) return '[]interface {}';
  return 'map[string]interface {}';
}

function pad(s: string, width: number | undefined, minus: boolean, zero: boolean): string {
  if (width === undefined || s.length >= width) return s;
  if (minus) return s + ' '.repeat(width - s.length);
  if (zero) {
    const sign = /^[+-]/.test(s) ? s[0] : '';
    return sign + '0'.repeat(width - s.length) + s.slice(sign.length);
  }
  return ' '.repeat(width - s.length) + s;
}

/** fmt.Sprintf. */
export function goSprintf(format: string, args: unknown[]): string {
  let out = '';
  let ai = 0;
  let i = 0;
  while (i < format.length) {
    const c = format[i];
    if (c !== '%') {
      out += c;
      i++;
      continue;
    }
    i++;
    if (format[i] === '%') {
      out += '%';
      i++;
      continue;
    }
    let minus = false;
    let plus = false;
    let sharp = false;
    let zero = false;
    let space = false;
    for (; i < format.length && '-+# 0'.includes(format[i]); i++) {
      if (format[i] === '-') minus = true;
      else if (format[i] === '+') plus = true;
      else if (format[i] === '#') sharp = true;
      else if (format[i] === '0') zero = true;
      else space = true;
    }
    let width: number | undefined;
    let prec: number | undefined;
    const num = () => {
      let n = '';
      while (i < format.length && /[0-9]/.test(format[i])) n += format[i++];
      return n === '' ? undefined : Number(n);
    };
    if (format[i] === '*') {
      width = Number(args[ai++]);
      i++;
    } else width = num();
    if (format[i] === '.') {
      i++;
      if (format[i] === '*') {
        prec = Number(args[ai++]);
        i++;
      } else prec = num() ?? 0;
    }
    const verb = format[i++];
    if (verb === undefined) {
      out += '%!(NOVERB)';
      break;
    }
    if (ai >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    const a = args[ai++];
    const bad = () => `%!${verb}(${typeName(a)}=${goSprint(a)})`;
    let s: string;
    switch (verb) {
      case 'v':
        s = sharp && typeof a === 'string' ? goQuote(a) : goSprint(a);
        if (plus && typeof a === 'number' && a >= 0) s = `+${s}`;
        break;
      case 's':
        s = typeof a === 'string' ? a : goSprint(a);
        if (prec !== undefined) s = [...s].slice(0, prec).join('');
        break;
      case 'q':
        if (typeof a !== 'string') { s = bad(); break; }
        s = goQuote(a);
        break;
      case 't':
        s = typeof a === 'boolean' ? String(a) : bad();
        break;
      case 'd': case 'x': case 'X': case 'o': case 'b': case 'c': {
        if (typeof a === 'string' && (verb === 'x' || verb === 'X')) {
          s = [...new TextEncoder().encode(a)].map((b) => b.toString(16).padStart(2, '0')).join('');
          if (verb === 'X') s = s.toUpperCase();
          break;
        }
        if (typeof a !== 'number' || !Number.isInteger(a)) { s = bad(); break; }
        if (verb === 'c') { s = String.fromCodePoint(a); break; }
        const base = { d: 10, x: 16, X: 16, o: 8, b: 2 }[verb as 'd'];
        s = Math.abs(a).toString(base);
        if (verb === 'X') s = s.toUpperCase();
        if (prec !== undefined) s = s.padStart(prec, '0');
        if (sharp && verb === 'x') s = `0x${s}`;
        if (sharp && verb === 'X') s = `0X${s}`;
        if (sharp && verb === 'o') s = `0${s}`;
        s = a < 0 ? `-${s}` : plus ? `+${s}` : space ? ` ${s}` : s;
        break;
      }
      case 'f': case 'F': case 'e': case 'E': case 'g': case 'G': {
        if (typeof a !== 'number') { s = bad(); break; }
        if (verb === 'f' || verb === 'F') s = a.toFixed(prec ?? 6);
        else if (verb === 'e' || verb === 'E') {
          const [m, e] = a.toExponential(prec ?? 6).split('e');
          s = `${m}e${e.startsWith('-') ? '-' : '+'}${e.replace(/^[+-]/, '').padStart(2, '0')}`;
          if (verb === 'E') s = s.toUpperCase();
        } else s = prec === undefined ? goFormatFloat(Number.isInteger(a) ? a + 0.5 - 0.5 : a) : a.toPrecision(prec);
        if (plus && a >= 0) s = `+${s}`;
        break;
      }
      default:
        s = `%!${verb}(${typeName(a)}=${goSprint(a)})`;
    }
    out += pad(s, width, minus, zero && !minus && verb !== 's' && verb !== 'v' && verb !== 'q');
  }
  if (ai < args.length) out += `%!(EXTRA ${args.slice(ai).map((a) => `${typeName(a)}=${goSprint(a)}`).join(', ')})`;
  return out;
}
