// jq basics for `kubectl get … -o json | jq -r '.items[].metadata.name'`: paths (.a.b, ."a-b",
// .["a"]), iteration (.[] and .items[]), indexes (.[0], .[-1]), pipes (|), keys, length, and
// -r / -c output. Anything else is reported as jq 1.6 reports a compile error.
import type { ProcIO } from './builtins';

class JqError extends Error {}

type Step = { kind: 'key'; key: string } | { kind: 'index'; index: number } | { kind: 'iter' } | { kind: 'fn'; name: 'keys' | 'length' };

/** Parses one pipe stage (".items[].metadata.name", "keys", "length") into steps. */
function parseStage(src: string): Step[] {
  const s = src.trim();
  if (s === 'keys' || s === 'length') return [{ kind: 'fn', name: s }];
  if (!s.startsWith('.')) throw new JqError(s);
  const steps: Step[] = [];
  let i = 0;
  while (i < s.length) {
    if (s[i] === '.') {
      i++;
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(i));
      const q = /^"((?:[^"\\]|\\.)*)"/.exec(s.slice(i));
      if (m) { steps.push({ kind: 'key', key: m[0] }); i += m[0].length; } else if (q) { steps.push({ kind: 'key', key: q[1] }); i += q[0].length; }
    } else if (s[i] === '[') {
      const end = s.indexOf(']', i);
      if (end < 0) throw new JqError(s);
      const inner = s.slice(i + 1, end).trim();
      if (inner === '') steps.push({ kind: 'iter' });
      else if (/^-?\d+$/.test(inner)) steps.push({ kind: 'index', index: Number(inner) });
      else if (/^"(.*)"$/.test(inner)) steps.push({ kind: 'key', key: inner.slice(1, -1) });
      else throw new JqError(s);
      i = end + 1;
    } else throw new JqError(s);
  }
  return steps;
}

function typeName(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'object' ? 'object' : typeof v;
}

function apply(step: Step, v: unknown): unknown[] {
  switch (step.kind) {
    case 'key':
      if (v === null) return [null];
      if (typeof v !== 'object' || Array.isArray(v)) throw new JqError(`jq: error (at <stdin>:0): Cannot index ${typeName(v)} with "${step.key}"`);
      return [(v as Record<string, unknown>)[step.key] ?? null];
    case 'index':
      if (v === null) return [null];
      if (!Array.isArray(v)) throw new JqError(`jq: error (at <stdin>:0): Cannot index ${typeName(v)} with number`);
      return [v[step.index < 0 ? v.length + step.index : step.index] ?? null];
    case 'iter':
      if (Array.isArray(v)) return v;
      if (v !== null && typeof v === 'object') return Object.values(v);
      throw new JqError(`jq: error (at <stdin>:0): Cannot iterate over ${typeName(v)}`);
    case 'fn':
      if (step.name === 'length') return [v === null ? 0 : typeof v === 'string' || Array.isArray(v) ? v.length : typeof v === 'object' ? Object.keys(v).length : Math.abs(v as number)];
      if (Array.isArray(v)) return [v.map((_, i) => i)];
      if (v !== null && typeof v === 'object') return [Object.keys(v).sort()];
      throw new JqError(`jq: error (at <stdin>:0): ${typeName(v)} has no keys`);
  }
}

/** jq [-r] [-c] FILTER [FILE]. */
export function jq(io: ProcIO): number {
  const flags = io.args.filter((a) => /^-[rcM]+$/.test(a)).join('');
  const rest = io.args.filter((a) => !/^-[rcM]+$/.test(a));
  const filter = rest[0] ?? '.';
  let stages: Step[][];
  try {
    stages = filter.split('|').map(parseStage);
  } catch {
    io.err(`jq: error: syntax error, unexpected INVALID_CHARACTER (Unix shell quoting issues?) at <top-level>, line 1:\n${filter}\njq: 1 compile error\n`);
    return 3;
  }
  const text = rest[1] !== undefined ? io.fs.read(rest[1]) : io.stdin;
  if (text === undefined) { io.err(`jq: error: Could not open ${rest[1]}: No such file or directory\n`); return 2; }
  let input: unknown;
  try {
    input = text.trim() === '' ? undefined : JSON.parse(text);
  } catch {
    io.err('jq: error (at <stdin>:1): Cannot parse input as JSON\n');
    return 2;
  }
  if (input === undefined) return 0;
  let values: unknown[] = [input];
  try {
    for (const steps of stages) for (const step of steps) values = values.flatMap((v) => apply(step, v));
  } catch (e) {
    io.err(`${(e as Error).message}\n`);
    return 5;
  }
  for (const v of values) {
    io.out(`${flags.includes('r') && typeof v === 'string' ? v : JSON.stringify(v, null, flags.includes('c') ? undefined : 2)}\n`);
  }
  return 0;
}
