// Cron schedules as the CronJob controller reads them: five fields (minute hour day-of-month month
// day-of-week), ranges, steps, lists, names, @yearly/@annually/@monthly/@weekly/@daily/@midnight/
// @hourly, @every <duration>, and a TZ= / CRON_TZ= prefix. Next() walks forward field by field.
// Models vendor/github.com/robfig/cron/v3 (parser.go ParseStandard, spec.go SpecSchedule.Next and
// dayMatches, constantdelay.go). Error texts come from api/validation's parser of the same grammar.
import { goParseDurationError, parseCronStandard } from '../../api/validation';

/** A parsed schedule: the first activation strictly after `t` (ms), or 0 when none within five years. */
export interface CronSchedule {
  next(t: number): number;
}

/** One field: which values match, and whether it was written as * or ? (robfig's starBit). */
interface Field {
  bits: boolean[];
  star: boolean;
}

interface Bounds { min: number; max: number; names?: Record<string, number> }
const MINUTES: Bounds = { min: 0, max: 59 };
const HOURS: Bounds = { min: 0, max: 23 };
const DOM: Bounds = { min: 1, max: 31 };
const MONTHS: Bounds = { min: 1, max: 12, names: { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 } };
const DOW: Bounds = { min: 0, max: 6, names: { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 } };

function empty(): Field {
  return { bits: [], star: false };
}

function setRange(f: Field, from: number, to: number, step: number): void {
  for (let i = from; i <= to; i += step) f.bits[i] = true;
}

/** all(r): every value, flagged as a star. */
function all(b: Bounds): Field {
  const f = empty();
  setRange(f, b.min, b.max, 1);
  f.star = true;
  return f;
}

function only(v: number): Field {
  const f = empty();
  f.bits[v] = true;
  return f;
}

function value(expr: string, b: Bounds): number {
  const named = b.names?.[expr.toLowerCase()];
  return named !== undefined ? named : Number(expr);
}

/** getField / getRange of a validated field ("*", "1-5", "*\/15", "mon-fri", "1,15"). */
function field(text: string, b: Bounds): Field {
  const f = empty();
  for (const expr of text.split(',')) {
    if (expr === '') continue;
    const [range, stepText] = expr.split('/');
    const lowHigh = range.split('-');
    let start: number;
    let end: number;
    let star = false;
    if (lowHigh[0] === '*' || lowHigh[0] === '?') {
      start = b.min;
      end = b.max;
      star = true;
    } else {
      start = value(lowHigh[0], b);
      end = lowHigh.length === 2 ? value(lowHigh[1], b) : start;
    }
    let step = 1;
    if (stepText !== undefined) {
      step = Number(stepText);
      if (lowHigh.length === 1) end = b.max; // "N/step" means "N-max/step"
      if (step > 1) star = false; // "*/5" is not a star for the day-of-month/day-of-week rule
    }
    setRange(f, start, end, step);
    if (star) f.star = true;
  }
  return f;
}

/** Wall-clock fields in a time zone, and back (time.Time.Date / time.Date with normalisation). */
interface Zone {
  fields(t: number): { y: number; mo: number; d: number; h: number; mi: number; s: number; wd: number };
  /** time.Date(y, mo, d, h, mi, s, 0, loc); out-of-range values carry over like Go's. */
  at(y: number, mo: number, d: number, h: number, mi: number, s: number): number;
}

const UTC: Zone = {
  fields(t) {
    const x = new Date(t);
    return { y: x.getUTCFullYear(), mo: x.getUTCMonth() + 1, d: x.getUTCDate(), h: x.getUTCHours(), mi: x.getUTCMinutes(),
      s: x.getUTCSeconds(), wd: x.getUTCDay() };
  },
  at: (y, mo, d, h, mi, s) => Date.UTC(y, mo - 1, d, h, mi, s),
};

const zones = new Map<string, Zone>();

/** A zone answered by the platform's IANA database (Intl), which is deterministic for a given runtime. */
function ianaZone(name: string): Zone {
  let z = zones.get(name);
  if (z) return z;
  const fmt = new Intl.DateTimeFormat('en-US', { timeZone: name, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
    hour: 'numeric', minute: 'numeric', second: 'numeric', weekday: 'short' });
  const WD: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
  const fields = (t: number) => {
    const p: Record<string, string> = {};
    for (const part of fmt.formatToParts(new Date(t))) p[part.type] = part.value;
    return { y: Number(p.year), mo: Number(p.month), d: Number(p.day), h: Number(p.hour), mi: Number(p.minute), s: Number(p.second),
      wd: WD[p.weekday] ?? 0 };
  };
  const offset = (t: number) => {
    const f = fields(t);
    return Date.UTC(f.y, f.mo - 1, f.d, f.h, f.mi, f.s) - Math.floor(t / 1000) * 1000;
  };
  z = {
    fields,
    at(y, mo, d, h, mi, s) {
      const wall = Date.UTC(y, mo - 1, d, h, mi, s);
      let t = wall - offset(wall);
      t = wall - offset(t);
      return t;
    },
  };
  zones.set(name, z);
  return z;
}

/** SpecSchedule. */
class SpecSchedule implements CronSchedule {
  constructor(private readonly minute: Field, private readonly hour: Field, private readonly dom: Field, private readonly month: Field,
    private readonly dow: Field, private readonly zone: Zone) {}

  /** dayMatches: with a star in either day field both must match, otherwise either may. */
  private dayMatches(d: number, wd: number): boolean {
    const domMatch = !!this.dom.bits[d];
    const dowMatch = !!this.dow.bits[wd];
    if (this.dom.star || this.dow.star) return domMatch && dowMatch;
    return domMatch || dowMatch;
  }

  next(from: number): number {
    const z = this.zone;
    // Start at the upcoming second (seconds are always 0 in the standard format).
    let t = Math.floor(from / 1000) * 1000 + 1000;
    let added = false;
    const yearLimit = z.fields(t).y + 5;
    wrap: for (;;) {
      let f = z.fields(t);
      if (f.y > yearLimit) return 0;
      while (!this.month.bits[f.mo]) {
        if (!added) {
          added = true;
          t = z.at(f.y, f.mo, 1, 0, 0, 0);
          f = z.fields(t);
        }
        t = z.at(f.y, f.mo + 1, f.d, f.h, f.mi, f.s);
        f = z.fields(t);
        if (f.mo === 1) continue wrap;
      }
      while (!this.dayMatches(f.d, f.wd)) {
        if (!added) {
          added = true;
          t = z.at(f.y, f.mo, f.d, 0, 0, 0);
          f = z.fields(t);
        }
        t = z.at(f.y, f.mo, f.d + 1, f.h, f.mi, f.s);
        f = z.fields(t);
        // Daylight saving can move midnight: snap back to it.
        if (f.h !== 0) {
          t += (f.h > 12 ? 24 - f.h : -f.h) * 3_600_000;
          f = z.fields(t);
        }
        if (f.d === 1) continue wrap;
      }
      while (!this.hour.bits[f.h]) {
        if (!added) {
          added = true;
          t = z.at(f.y, f.mo, f.d, f.h, 0, 0);
        }
        t += 3_600_000;
        f = z.fields(t);
        if (f.h === 0) continue wrap;
      }
      while (!this.minute.bits[f.mi]) {
        if (!added) {
          added = true;
          t = Math.floor(t / 60_000) * 60_000;
        }
        t += 60_000;
        f = z.fields(t);
        if (f.mi === 0) continue wrap;
      }
      while (f.s !== 0) {
        if (!added) {
          added = true;
          t = Math.floor(t / 1000) * 1000;
        }
        t += 1000;
        f = z.fields(t);
        if (f.s === 0) continue wrap;
      }
      return t;
    }
  }
}

/** ConstantDelaySchedule (@every): the delay, whole seconds, at least one. */
class ConstantDelaySchedule implements CronSchedule {
  constructor(private readonly delayMs: number) {}
  next(t: number): number {
    return Math.floor(t / 1000) * 1000 + this.delayMs;
  }
}

const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** time.ParseDuration of a valid duration, in milliseconds. */
function durationMs(s: string): number {
  let rest = s;
  let sign = 1;
  if (rest[0] === '-' || rest[0] === '+') {
    sign = rest[0] === '-' ? -1 : 1;
    rest = rest.slice(1);
  }
  let total = 0;
  for (const m of rest.matchAll(/([0-9]*(?:\.[0-9]*)?)([^0-9.]+)/g)) total += Number(m[1]) * UNIT_MS[m[2]];
  return sign * total;
}

/**
 * cron.ParseStandard. Throws an Error with robfig's message for a bad spec. A schedule without a
 * TZ prefix runs in kube-controller-manager's local time, which is UTC on minikube.
 */
export function parseStandard(spec: string): CronSchedule {
  const err = parseCronStandard(spec);
  if (err) throw new Error(err);
  let s = spec;
  let zone = UTC;
  if (s.startsWith('TZ=') || s.startsWith('CRON_TZ=')) {
    const i = s.indexOf(' ');
    const loc = s.slice(s.indexOf('=') + 1, i);
    if (loc !== 'UTC' && loc !== '') zone = ianaZone(loc);
    s = s.slice(i).trim();
  }
  if (s.startsWith('@every ')) {
    const d = durationMs(s.slice('@every '.length));
    if (goParseDurationError(s.slice('@every '.length))) throw new Error(`failed to parse duration ${s}`);
    return new ConstantDelaySchedule(Math.max(1000, Math.floor(d / 1000) * 1000));
  }
  switch (s) {
    case '@yearly': case '@annually': return new SpecSchedule(only(0), only(0), only(1), only(1), all(DOW), zone);
    case '@monthly': return new SpecSchedule(only(0), only(0), only(1), all(MONTHS), all(DOW), zone);
    case '@weekly': return new SpecSchedule(only(0), only(0), all(DOM), all(MONTHS), only(0), zone);
    case '@daily': case '@midnight': return new SpecSchedule(only(0), only(0), all(DOM), all(MONTHS), all(DOW), zone);
    case '@hourly': return new SpecSchedule(only(0), all(HOURS), all(DOM), all(MONTHS), all(DOW), zone);
    default: break;
  }
  const f = s.split(/\s+/).filter((x) => x !== '');
  return new SpecSchedule(field(f[0], MINUTES), field(f[1], HOURS), field(f[2], DOM), field(f[3], MONTHS), field(f[4], DOW), zone);
}

/** Is this an IANA time zone the controller can load (time.LoadLocation)? */
export { isKnownTimeZone } from '../../api/validation';
