// The text machinery of `kubectl describe`. Models k8s.io/kubectl/pkg/describe/describe.go: PrefixWriter
// (two spaces per level, terminal escapes), tabbedString (text/tabwriter minwidth 0, tabwidth 8, padding 2),
// printLabelsMultiline, printAnnotationsMultiline (140-character cut, last-applied-configuration skipped),
// taints, tolerations, pods lists, DescribeEvents (sorted by lastTimestamp, Age as "2m (x3 over 5m)"),
// translateTimestampSince and the RFC 1123 times every describer prints.
import type { Event, Taint, Toleration } from '../../engine/api/types';
import { humanDuration, timestampMillis } from '../../engine/api';
import { DESCRIBE_TABWRITER, TabWriter, goSortArray, goSprint, goSprintf } from '../printers';

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;
export const LEVEL_4 = 4;

/** What describers are given besides the API: the client's clock and settings. */
export interface DescribeContext {
  /** The client's wall clock (ages in describe are client-side). */
  now: number;
}

const escape = (s: string) => s.replace(/\x1b/g, '^[').replace(/\r/g, '\\r');

/** describe.PrefixWriter. */
export class PrefixWriter {
  constructor(readonly tw: TabWriter, private readonly indent = 0) {}

  /** Write(level, format, args…): fmt.Sprintf with two spaces per level. */
  write(level: number, format: string, ...args: unknown[]): void {
    this.tw.write(escape(goSprintf('  '.repeat(level + this.indent) + format, args)));
  }

  /** WriteLine(a…): fmt.Sprintln. */
  writeLine(...a: unknown[]): void {
    const text = `${a.map(goSprint).join(' ')}\n`;
    if (this.indent) this.write(0, '%s', text);
    else this.tw.write(escape(text));
  }

  /** Flush: lays out what the tab writer holds so far. */
  flush(): void {
    this.tw.flush();
  }

  /** NewNestedPrefixWriter. */
  nested(indent: number): PrefixWriter {
    return new PrefixWriter(this.tw, this.indent + indent);
  }
}

/** tabbedString: runs f over a fresh describe tab writer and returns the text. */
export function tabbedString(f: (w: PrefixWriter) => void): string {
  const tw = new TabWriter(DESCRIBE_TABWRITER);
  f(new PrefixWriter(tw));
  tw.flush();
  return tw.take();
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');

/**
 * time.Time.Format(time.RFC1123Z): "Mon, 02 Jan 2006 15:04:05 -0700".
 * Deviation: always in UTC (+0000); kubectl uses the client machine's local time zone.
 */
export function rfc1123z(t: string | number | undefined | null): string {
  const ms = typeof t === 'number' ? t : timestampMillis(t ?? undefined);
  if (ms === undefined) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]}, ${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`;
}

/** time.Time.String() for a metav1.Time printed with %v ("2025-01-15 09:00:00 +0000 UTC"). */
export function goTimeString(t: string | undefined | null): string {
  const ms = timestampMillis(t ?? undefined);
  if (ms === undefined) return '0001-01-01 00:00:00 +0000 UTC';
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000 UTC`;
}

/** translateTimestampSince: "<unknown>" for a zero time, else HumanDuration(now − t). */
export function translateTimestampSince(t: string | undefined | null, now: number): string {
  const ms = timestampMillis(t ?? undefined);
  if (ms === undefined) return '<unknown>';
  return humanDuration(now - ms);
}

/** printLabelsMultilineWithIndent (labels sorted, "<none>" when empty). */
export function printLabelsMultiline(w: PrefixWriter, title: string, labels: Record<string, string> | undefined | null,
  initialIndent = '', innerIndent = '\t', skip: ReadonlySet<string> = new Set()): void {
  w.write(LEVEL_0, '%s%s:%s', initialIndent, title, innerIndent);
  const keys = Object.keys(labels ?? {}).filter((k) => !skip.has(k)).sort();
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, '%s', initialIndent);
      w.write(LEVEL_0, '%s', innerIndent);
    }
    w.write(LEVEL_0, '%s=%s\n', key, labels![key]);
  });
}

const MAX_ANNOTATION_LEN = 140;
const SKIP_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);

function shorten(s: string, max: number): string {
  // Bytes, not characters, as Go slices a string (a cut rune decodes to U+FFFD, as Buffer did).
  const b = new TextEncoder().encode(s);
  return b.length > max ? `${new TextDecoder().decode(b.subarray(0, max))}...` : s;
}

/** printAnnotationsMultiline: long or multi-line values on their own indented lines, cut at 138 bytes. */
export function printAnnotationsMultiline(w: PrefixWriter, title: string, annotations: Record<string, string> | undefined | null): void {
  w.write(LEVEL_0, '%s:\t', title);
  const keys = Object.keys(annotations ?? {}).filter((k) => !SKIP_ANNOTATIONS.has(k)).sort();
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const indent = '\t';
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent);
    const value = annotations![key].replace(/\n$/, '');
    if (new TextEncoder().encode(value).length + new TextEncoder().encode(key).length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, '%s:\n', key);
      for (const s of value.split('\n')) w.write(LEVEL_0, '%s  %s\n', indent, shorten(s, MAX_ANNOTATION_LEN - 2));
    } else w.write(LEVEL_0, '%s: %s\n', key, value);
  });
}

/** Taint.ToString: "key=value:Effect", "key:Effect", "key=value", "key". */
export function taintString(t: Taint): string {
  if (!t.effect) return t.value ? `${t.key}=${t.value}` : t.key;
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

/** printTaintsMultilineWithIndent (sorted by "effect,key"). */
export function printTaintsMultiline(w: PrefixWriter, title: string, taints: Taint[] | undefined, initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, '%s%s:%s', initialIndent, title, innerIndent);
  const list = [...(taints ?? [])];
  if (list.length === 0) {
    w.writeLine('<none>');
    return;
  }
  goSortArray(list, (a, b) => `${a.effect},${a.key}` < `${b.effect},${b.key}`);
  list.forEach((t, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, '%s', initialIndent);
      w.write(LEVEL_0, '%s', innerIndent);
    }
    w.write(LEVEL_0, '%s\n', taintString(t));
  });
}

/** printPodsMultilineWithIndent (sorted by name). */
export function printPodsMultiline(w: PrefixWriter, title: string, names: string[], initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, '%s%s:%s', initialIndent, title, innerIndent);
  if (names.length === 0) {
    w.writeLine('<none>');
    return;
  }
  goSortArray([...names], (a, b) => a < b).forEach((n, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, '%s', initialIndent);
      w.write(LEVEL_0, '%s', innerIndent);
    }
    w.write(LEVEL_0, '%s\n', n);
  });
}

/** printTolerationsMultilineWithIndent (sorted by key). */
export function printTolerationsMultiline(w: PrefixWriter, title: string, tolerations: Toleration[] | undefined, initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, '%s%s:%s', initialIndent, title, innerIndent);
  const list = [...(tolerations ?? [])];
  if (list.length === 0) {
    w.writeLine('<none>');
    return;
  }
  goSortArray(list, (a, b) => (a.key ?? '') < (b.key ?? ''));
  list.forEach((t, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, '%s', initialIndent);
      w.write(LEVEL_0, '%s', innerIndent);
    }
    w.write(LEVEL_0, '%s', t.key ?? '');
    if (t.value) w.write(LEVEL_0, '=%s', t.value);
    if (t.effect) w.write(LEVEL_0, ':%s', t.effect);
    if (t.operator === 'Exists' && !t.value) {
      if (t.key || t.effect) w.write(LEVEL_0, ' op=Exists');
      else w.write(LEVEL_0, 'op=Exists');
    }
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) w.write(LEVEL_0, ' for %ds', t.tolerationSeconds);
    w.write(LEVEL_0, '\n');
  });
}

/** DescribeEvents: the Events table (or "Events:  <none>"). */
export function describeEvents(events: Event[] | undefined, w: PrefixWriter, now: number): void {
  if (!events || events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  const ts = (e: Event) => timestampMillis(e.lastTimestamp ?? undefined) ?? Number.NEGATIVE_INFINITY;
  const sorted = goSortArray([...events], (a, b) => ts(a) < ts(b));
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const first = e.eventTime ? translateTimestampSince(e.eventTime, now) : translateTimestampSince(e.firstTimestamp, now);
    let interval: string;
    if (e.series) interval = `${translateTimestampSince(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`;
    else if ((e.count ?? 0) > 1) interval = `${translateTimestampSince(e.lastTimestamp, now)} (x${e.count} over ${first})`;
    else interval = first;
    // Go's ReportingController is the JSON field reportingComponent.
    const source = e.source?.component || e.reportingComponent || '';
    w.write(LEVEL_1, '%v\t%v\t%s\t%v\t%v\n', e.type ?? '', e.reason ?? '', interval, source, (e.message ?? '').trim());
  }
}

/** stringOrNone. */
export const stringOrNone = (s: string | undefined | null): string => (s ? s : '<none>');

/** stringOrDefaultValue. */
export const stringOrDefault = (s: string | undefined | null, d: string): string => (s ? s : d);

/** printBool: "True"/"False". */
export const printBool = (v: boolean | undefined): string => (v ? 'True' : 'False');

/** printBoolPtr: "<unset>" for nil. */
export const printBoolPtr = (v: boolean | undefined | null): string => (v === undefined || v === null ? '<unset>' : printBool(v));

/** SortedResourceNames. */
export function sortedResourceNames(list: Record<string, unknown> | undefined | null): string[] {
  return Object.keys(list ?? {}).sort();
}

/** fmt %v of a []string: "[a b]". */
export const goStringSlice = (xs: readonly string[] | undefined | null): string => `[${(xs ?? []).join(' ')}]`;
