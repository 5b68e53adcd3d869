// The timestamp formats the simulated programs print. Every one reads the simulated clock's
// milliseconds and renders UTC (containers run with TZ unset, i.e. UTC).

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const p2 = (n: number) => String(n).padStart(2, '0');
const p3 = (n: number) => String(n).padStart(3, '0');

function parts(ms: number) {
  const d = new Date(ms);
  return {
    y: d.getUTCFullYear(), mo: d.getUTCMonth(), d: d.getUTCDate(), wd: d.getUTCDay(),
    h: d.getUTCHours(), mi: d.getUTCMinutes(), s: d.getUTCSeconds(), ms: d.getUTCMilliseconds(),
  };
}

/** `date` (busybox and coreutils, C locale, "%a %b %e %H:%M:%S %Z %Y"): "Wed Jan 15 09:01:00 UTC 2025". */
export function dateCommand(ms: number): string {
  const t = parts(ms);
  return `${DAYS[t.wd]} ${MONTHS[t.mo]} ${String(t.d).padStart(2, ' ')} ${p2(t.h)}:${p2(t.mi)}:${p2(t.s)} UTC ${t.y}`;
}

/** nginx error log: "2025/01/15 09:00:05". */
export function nginxErrorTime(ms: number): string {
  const t = parts(ms);
  return `${t.y}/${p2(t.mo + 1)}/${p2(t.d)} ${p2(t.h)}:${p2(t.mi)}:${p2(t.s)}`;
}

/** Common Log Format ($time_local in nginx, %t in httpd): "15/Jan/2025:09:00:10 +0000". */
export function clfTime(ms: number): string {
  const t = parts(ms);
  return `${p2(t.d)}/${MONTHS[t.mo]}/${t.y}:${p2(t.h)}:${p2(t.mi)}:${p2(t.s)} +0000`;
}

/** HTTP Date / Last-Modified header (RFC 7231 IMF-fixdate): "Wed, 15 Jan 2025 09:00:10 GMT". */
export function httpDate(ms: number): string {
  const t = parts(ms);
  return `${DAYS[t.wd]}, ${p2(t.d)} ${MONTHS[t.mo]} ${t.y} ${p2(t.h)}:${p2(t.mi)}:${p2(t.s)} GMT`;
}

/** redis log: "15 Jan 2025 09:00:05.123". */
export function redisTime(ms: number): string {
  const t = parts(ms);
  return `${p2(t.d)} ${MONTHS[t.mo]} ${t.y} ${p2(t.h)}:${p2(t.mi)}:${p2(t.s)}.${p3(t.ms)}`;
}

/** mongod JSON log $date: "2025-01-15T09:00:05.123+00:00". */
export function mongoTime(ms: number): string {
  const t = parts(ms);
  return `${t.y}-${p2(t.mo + 1)}-${p2(t.d)}T${p2(t.h)}:${p2(t.mi)}:${p2(t.s)}.${p3(t.ms)}+00:00`;
}

/** postgres log_line_prefix %m: "2025-01-15 09:00:05.123 UTC". */
export function postgresTime(ms: number): string {
  const t = parts(ms);
  return `${t.y}-${p2(t.mo + 1)}-${p2(t.d)} ${p2(t.h)}:${p2(t.mi)}:${p2(t.s)}.${p3(t.ms)} UTC`;
}

/** `date --rfc-3339=seconds` (mysql entrypoint): "2025-01-15 09:00:05+00:00". */
export function rfc3339Seconds(ms: number): string {
  const t = parts(ms);
  return `${t.y}-${p2(t.mo + 1)}-${p2(t.d)} ${p2(t.h)}:${p2(t.mi)}:${p2(t.s)}+00:00`;
}

/** mysqld error log: "2025-01-15T09:00:05.123456Z". */
export function mysqldTime(ms: number): string {
  const t = parts(ms);
  return `${t.y}-${p2(t.mo + 1)}-${p2(t.d)}T${p2(t.h)}:${p2(t.mi)}:${p2(t.s)}.${p3(t.ms)}000Z`;
}

/** httpd error log: "Wed Jan 15 09:00:05.123456 2025". */
export function httpdTime(ms: number): string {
  const t = parts(ms);
  return `${DAYS[t.wd]} ${MONTHS[t.mo]} ${p2(t.d)} ${p2(t.h)}:${p2(t.mi)}:${p2(t.s)}.${p3(t.ms)}000 ${t.y}`;
}

/** klog header time (system components): "0115 09:00:05.123456". */
export function klogTime(ms: number): string {
  const t = parts(ms);
  return `${p2(t.mo + 1)}${p2(t.d)} ${p2(t.h)}:${p2(t.mi)}:${p2(t.s)}.${p3(t.ms)}000`;
}

/** `ls -l` time column for recent files: "Jan 15 09:00". */
export function lsTime(ms: number): string {
  const t = parts(ms);
  return `${MONTHS[t.mo]} ${String(t.d).padStart(2, ' ')} ${p2(t.h)}:${p2(t.mi)}`;
}

/** ISO-8601 with milliseconds and Z (Go/JS programs): "2025-01-15T09:00:05.123Z". */
export function isoMillis(ms: number): string {
  return new Date(ms).toISOString();
}
