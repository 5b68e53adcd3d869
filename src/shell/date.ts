// date(1) on the simulated clock (the machine's zone is UTC): the default format, -u, -I/-Iseconds,
// -R, +FORMAT with the common strftime conversions, and -d @SECONDS.
import type { ProcIO } from './builtins';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const p2 = (n: number) => String(n).padStart(2, '0');

/** strftime over a UTC time, as GNU date formats it (%N nanoseconds from the milliseconds). */
export function strftime(format: string, ms: number): string {
  const d = new Date(ms);
  const conv: Record<string, () => string> = {
    a: () => DAYS[d.getUTCDay()], A: () => LONG_DAYS[d.getUTCDay()], b: () => MONTHS[d.getUTCMonth()], h: () => MONTHS[d.getUTCMonth()],
    B: () => LONG_MONTHS[d.getUTCMonth()], d: () => p2(d.getUTCDate()), e: () => String(d.getUTCDate()).padStart(2, ' '),
    H: () => p2(d.getUTCHours()), I: () => p2(((d.getUTCHours() + 11) % 12) + 1), M: () => p2(d.getUTCMinutes()),
    S: () => p2(d.getUTCSeconds()), m: () => p2(d.getUTCMonth() + 1), y: () => p2(d.getUTCFullYear() % 100),
    Y: () => String(d.getUTCFullYear()), Z: () => 'UTC', z: () => '+0000', s: () => String(Math.floor(ms / 1000)),
    N: () => String((ms % 1000) * 1_000_000).padStart(9, '0'), p: () => (d.getUTCHours() < 12 ? 'AM' : 'PM'),
    j: () => String(Math.floor((ms - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1).padStart(3, '0'),
    u: () => String(d.getUTCDay() || 7), w: () => String(d.getUTCDay()), n: () => '\n', t: () => '\t', '%': () => '%',
    F: () => `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`,
    T: () => `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`,
    D: () => `${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())}/${p2(d.getUTCFullYear() % 100)}`,
    R: () => `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}`,
    c: () => strftime('%a %b %e %H:%M:%S %Y', ms),
  };
  return format.replace(/%(:?)([a-zA-Z%])/g, (m, colon: string, c: string) => {
    if (colon) return c === 'z' ? '+00:00' : m;
    return conv[c] ? conv[c]() : m;
  });
}

/** The ctime(3) form watch prints in its header ("Tue Nov 24 00:11:52 2026"). */
export function ctimeDate(ms: number): string {
  return strftime('%a %b %e %H:%M:%S %Y', ms);
}

/** date [-u] [-I[seconds]] [-R] [-d @N] [+FORMAT]. */
export function date(io: ProcIO): number {
  let ms = io.now?.() ?? 0;
  let format = '%a %b %e %H:%M:%S %Z %Y';
  const args = io.args;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-u' || a === '--utc' || a === '--universal') continue;
    if (a.startsWith('+')) format = a.slice(1);
    else if (a === '-I' || a === '--iso-8601' || a === '-Idate') format = '%F';
    else if (a === '-Iseconds' || a === '--iso-8601=seconds') format = '%FT%T%:z';
    else if (a === '-Ihours') format = '%FT%H%:z';
    else if (a === '-Iminutes') format = '%FT%R%:z';
    else if (a === '-R' || a === '--rfc-email') format = '%a, %d %b %Y %T %z';
    else if (a === '-d' || a === '--date' || a.startsWith('--date=')) {
      const v = a.startsWith('--date=') ? a.slice(7) : args[++i] ?? '';
      const t = /^@(\d+)$/.test(v) ? Number(v.slice(1)) * 1000 : v === 'now' ? ms : Date.parse(v);
      if (!Number.isFinite(t)) { io.err(`date: invalid date ‘${v}’\n`); return 1; }
      ms = t;
    } else {
      io.err(a.startsWith('-') ? `date: invalid option -- '${a.slice(1, 2)}'\nTry 'date --help' for more information.\n`
        : `date: invalid date ‘${a}’\n`);
      return 1;
    }
  }
  io.out(`${strftime(format, ms)}\n`);
  return 0;
}
