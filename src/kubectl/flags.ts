// Command-line flags with spf13/pflag's semantics and error wording, as cobra/kubectl use them:
// --name=value, --name value, -n value, -nvalue, combined short bools (-it), "--" ends flags,
// flags may come anywhere among the arguments.

export type FlagType = 'string' | 'bool' | 'int' | 'stringArray' | 'stringSlice' | 'duration' | 'stringToString';

/** One flag's definition. */
export interface FlagDef {
  name: string;
  short?: string;
  type: FlagType;
  default?: unknown;
  usage?: string;
  /** The value an optional-value flag takes when given bare (pflag NoOptDefVal), e.g. --dry-run → "unchanged". */
  noOptDefVal?: string;
  hidden?: boolean;
}

/** Parsed flags and positional arguments. */
export interface ParsedArgs {
  flags: Record<string, unknown>;
  /** Names of flags set on the command line. */
  changed: Set<string>;
  args: string[];
  /** Arguments after "--" (they are also at the end of args). */
  afterDash: string[];
  /** Index in args where "--" was (-1 when absent): cobra's ArgsLenAtDash. */
  argsLenAtDash: number;
}

/** A flag error; the message is pflag's ("unknown flag: --foo"). */
export class FlagError extends Error {}

function parseInt32(name: string, v: string): number {
  if (!/^[+-]?\d+$/.test(v)) throw new FlagError(`invalid argument "${v}" for "${name}" flag: strconv.ParseInt: parsing "${v}": invalid syntax`);
  return Number.parseInt(v, 10);
}

function parseBool(name: string, v: string): boolean {
  if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(v)) return false;
  throw new FlagError(`invalid argument "${v}" for "${name}" flag: strconv.ParseBool: parsing "${v}": invalid syntax`);
}

/** Go time.ParseDuration for the forms kubectl users type ("30s", "1m30s", "0", "500ms"). */
export function parseDuration(v: string): number | undefined {
  if (v === '0') return 0;
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g;
  let total = 0;
  let consumed = 0;
  let m: RegExpExecArray | null;
  const body = v.startsWith('-') || v.startsWith('+') ? v.slice(1) : v;
  while ((m = re.exec(body))) {
    if (m.index !== consumed) return undefined;
    consumed += m[0].length;
    const n = Number(m[1]);
    total += n * { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 'ms'];
  }
  if (consumed !== body.length || consumed === 0) return undefined;
  return v.startsWith('-') ? -total : total;
}

function convert(def: FlagDef, display: string, raw: string, prev: unknown): unknown {
  switch (def.type) {
    case 'bool': return parseBool(display, raw);
    case 'int': return parseInt32(display, raw);
    case 'duration': {
      const d = parseDuration(raw);
      if (d === undefined) throw new FlagError(`invalid argument "${raw}" for "${display}" flag: time: invalid duration "${raw}"`);
      return d;
    }
    case 'stringArray': return [...((prev as string[] | undefined) ?? []), raw];
    case 'stringSlice': return [...((prev as string[] | undefined) ?? []), ...(raw === '' ? [] : raw.split(','))];
    case 'stringToString': {
      const out = { ...((prev as Record<string, string> | undefined) ?? {}) };
      for (const kv of raw.split(',')) {
        const i = kv.indexOf('=');
        if (i < 0) throw new FlagError(`invalid argument "${raw}" for "${display}" flag: ${kv} must be formatted as key=value`);
        out[kv.slice(0, i)] = kv.slice(i + 1);
      }
      return out;
    }
    default: return raw;
  }
}

/** Parses argv against flag definitions (the command's own plus the global ones). */
export function parseFlags(argv: readonly string[], defs: readonly FlagDef[]): ParsedArgs {
  const byName = new Map<string, FlagDef>();
  const byShort = new Map<string, FlagDef>();
  for (const d of defs) {
    byName.set(d.name, d);
    if (d.short) byShort.set(d.short, d);
  }
  const flags: Record<string, unknown> = {};
  for (const d of defs) if (d.default !== undefined) flags[d.name] = Array.isArray(d.default) ? [...d.default] : d.default;
  const changed = new Set<string>();
  const args: string[] = [];
  const afterDash: string[] = [];
  let argsLenAtDash = -1;
  const set = (d: FlagDef, display: string, raw: string) => {
    // The first explicit value of a list flag replaces its default.
    const prev = changed.has(d.name) ? flags[d.name] : undefined;
    flags[d.name] = convert(d, display, raw, prev);
    changed.add(d.name);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      argsLenAtDash = args.length;
      afterDash.push(...argv.slice(i + 1));
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const d = byName.get(name);
      if (!d) throw new FlagError(`unknown flag: --${name}`);
      // pflag names a flag with a shorthand "-r, --replicas" in value errors, however it was given.
      const display = d.short ? `-${d.short}, --${name}` : `--${name}`;
      if (eq >= 0) set(d, display, a.slice(eq + 1));
      else if (d.type === 'bool') set(d, display, 'true');
      else if (d.noOptDefVal !== undefined) set(d, display, d.noOptDefVal);
      else if (i + 1 < argv.length) set(d, display, argv[++i]);
      else throw new FlagError(`flag needs an argument: --${name}`);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      let j = 1;
      while (j < a.length) {
        const c = a[j];
        const d = byShort.get(c);
        if (!d) throw new FlagError(`unknown shorthand flag: '${c}' in ${a}`);
        const rest = a.slice(j + 1);
        if (rest.startsWith('=')) {
          set(d, `-${c}, --${d.name}`, rest.slice(1));
          break;
        }
        if (d.type === 'bool') {
          set(d, `-${c}, --${d.name}`, 'true');
          j++;
          continue;
        }
        if (d.noOptDefVal !== undefined && rest === '') {
          set(d, `-${c}, --${d.name}`, d.noOptDefVal);
          break;
        }
        if (rest !== '') set(d, `-${c}, --${d.name}`, rest);
        else if (i + 1 < argv.length) set(d, `-${c}, --${d.name}`, argv[++i]);
        else throw new FlagError(`flag needs an argument: '${c}' in -${c}`);
        break;
      }
      continue;
    }
    args.push(a);
  }
  return { flags, changed, args, afterDash, argsLenAtDash };
}
