// klog's text header, as kubectl's warnings print it: "W1123 21:18:31.913968   23187 helpers.go:702] msg".
// Deviation: the thread id is a fixed number (a real one is kubectl's pid).

import { goQuote } from '../printers/go-format';

/** The fixed pid printed in klog headers. */
export const KLOG_PID = 12345;

/** One klog line (with its newline) for severity I/W/E at time `ms` (UTC, the simulated machine's zone). */
export function klogLine(severity: 'I' | 'W' | 'E', ms: number, where: string, msg: string): string {
  const d = new Date(ms);
  const p2 = (n: number) => String(n).padStart(2, '0');
  const micros = String(d.getUTCMilliseconds() * 1000).padStart(6, '0');
  const head = `${severity}${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${micros}`;
  return `${head} ${String(KLOG_PID).padStart(7)} ${where}] ${msg}\n`;
}

/** The random digits os.CreateTemp puts in a temporary file name; from a seed so transcripts repeat. */
export function randomSuffixDigits(seed: number): string {
  let x = (Math.floor(seed) ^ 0x5bd1e995) >>> 0;
  x = Math.imul(x ^ (x >>> 13), 0x9e3779b1) >>> 0;
  return String(x);
}

/**
 * A string value in a klog structured line (key=value): quoted when on one line, else klog's multi-line
 * form — "<", each line tab-indented, then " >". Models k8s.io/klog/v2 internal/serialize writeStringValue.
 */
export function klogValue(v: string): string {
  if (!v.includes('\n')) return goQuote(v);
  const lines = v.split('\n');
  const last = lines.pop()!;
  const body = lines.map((l) => `\t${l}\n`).join('');
  // A value ending in a line break gets no extra one before the closing delimiter.
  return last === '' ? `<\n${body} >` : `<\n${body}\t${last}\n >`;
}
