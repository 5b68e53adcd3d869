// Human-readable durations, as `kubectl get` prints AGE, RESTARTS "(20s ago)" and DURATION.
// Models k8s.io/apimachinery/pkg/util/duration/duration.go (HumanDuration, ShortHumanDuration) and
// pkg/printers/internalversion/printers.go translateTimestampSince. Durations are milliseconds here
// (Go uses nanoseconds); every branch truncates toward zero exactly as the Go integer conversions do.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

// Go's "int(d / time.Minute)" etc.: integer division truncating toward zero.
const whole = (ms: number, unit: number): number => Math.trunc(ms / unit);

/**
 * duration.HumanDuration: ~2-3 significant figures ("119s", "3m10s", "179m", "7h59m", "47h", "7d23h",
 * "729d", "7y364d", "8y"). Less than −1 s prints "<invalid>": a clock skew under 2 s still reads "0s".
 */
export function humanDuration(ms: number): string {
  const seconds = whole(ms, SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = whole(ms, MINUTE);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = whole(ms, HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${whole(hours, 24)}d` : `${whole(hours, 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${whole(hours, 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = whole(hours, 24) % 365;
    const y = whole(hours, 24 * 365);
    return dy === 0 ? `${y}y` : `${y}y${dy}d`;
  }
  return `${whole(hours, 24 * 365)}y`;
}

/** duration.ShortHumanDuration: one unit only ("59s", "1m", "23h", "364d", "2y"). */
export function shortHumanDuration(ms: number): string {
  const seconds = whole(ms, SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60) return `${seconds}s`;
  const minutes = whole(ms, MINUTE);
  if (minutes < 60) return `${minutes}m`;
  const hours = whole(ms, HOUR);
  if (hours < 24) return `${hours}h`;
  if (hours < 24 * 365) return `${whole(hours, 24)}d`;
  return `${whole(hours, 24 * 365)}y`;
}

// metav1.Time{}.IsZero(): the JSON of an unset time is absent, null, or Go's zero instant.
const ZERO_TIME = /^0001-01-01T00:00:00(\.0+)?Z$/;

/**
 * The instant of a metav1.Time / MicroTime string in ms since the epoch, or undefined for an absent,
 * zero ("0001-01-01T00:00:00Z") or unparsable timestamp (all of which upstream treats as IsZero()).
 */
export function timestampMillis(ts: string | null | undefined): number | undefined {
  if (!ts) return undefined;
  // Printing a list parses the same few timestamps over and over (pods created in the same second): memo.
  let ms = parsedTimestamps.get(ts);
  if (ms === undefined) {
    ms = ZERO_TIME.test(ts) ? NaN : Date.parse(ts);
    if (parsedTimestamps.size >= PARSED_TIMESTAMPS_MAX) parsedTimestamps.clear();
    parsedTimestamps.set(ts, ms);
  }
  return Number.isNaN(ms) ? undefined : ms;
}

const PARSED_TIMESTAMPS_MAX = 4096;
const parsedTimestamps = new Map<string, number>();

/**
 * printers.go translateTimestampSince: the age of a timestamp at `now` ("5m", "<unknown>" when zero or
 * absent). `now` is the simulated server clock, never wall time.
 */
export function translateTimestampSince(ts: string | null | undefined, now: number): string {
  const t = timestampMillis(ts);
  return t === undefined ? '<unknown>' : humanDuration(now - t);
}
