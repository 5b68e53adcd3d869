// Tab completion for the terminal: command names and files as bash completes them, and kubectl's
// own completions (`kubectl __complete …`): subcommands, flags, flag values, resource types and the
// names of live objects. Models staging/src/k8s.io/kubectl/pkg/util/completion/completion.go and the
// ValidArgsFunction each kubectl command registers; see reference/terminal-completion.md.
import { RESOURCES, type ResourceInfo } from '../engine/api';
// Deep imports: kubectl's index does not export its help tree (it has no `__complete` yet).
import { childrenOf, helpText } from '../kubectl/help/help';
import { FLAG_ROWS, GLOBAL_FLAG_ROWS, type FlagRow } from '../kubectl/help/flags.generated';
import type { Completion, CompletionCandidate } from './protocol';

/** What completion may look at. */
export interface CompletionContext {
  /** Entries of a directory (relative to the working directory), or undefined when it is not one. */
  listDir(path: string): string[] | undefined;
  isDir(path: string): boolean;
  /** Names of the objects of a resource (in `namespace` when namespaced). */
  listNames(info: ResourceInfo, namespace: string): string[];
  /** The pod's container names (init containers first), for `logs POD <TAB>`. */
  containers(pod: string, namespace: string): string[];
  /** The kubeconfig's namespace and contexts. */
  namespace: string;
  contexts: string[];
  /** Command names the shell knows (kubectl, builtins, programs). */
  commands: string[];
}

/** Completes the word before `cursor` in a command line. */
export function completeLine(line: string, cursor: number, ctx: CompletionContext): Completion {
  const { words, cur, from, redirect } = splitForCompletion(line.slice(0, cursor));
  const done = (r: { candidates: CompletionCandidate[]; noSpace?: boolean }): Completion => ({
    from,
    to: cursor,
    candidates: r.candidates,
    noSpace: r.noSpace ?? false,
  });
  if (redirect) return done(files(cur, ctx));
  if (words.length === 0) {
    if (cur.includes('/')) return done(files(cur, ctx));
    return done({ candidates: uniq(ctx.commands).filter((c) => c.startsWith(cur)).sort().map((value) => ({ value })) });
  }
  if (words[0] === 'kubectl') return done(kubectl(words.slice(1), cur, ctx));
  if (words[0] === 'cd') return done(files(cur, ctx, { dirsOnly: true }));
  return done(files(cur, ctx));
}

/**
 * Splits the text before the cursor into the words of the last simple command and the word being
 * completed (quotes removed), as bash's COMP_WORDS does for the simple cases.
 */
export function splitForCompletion(text: string): { words: string[]; cur: string; from: number; redirect: boolean } {
  let words: string[] = [];
  let word = '';
  let inWord = false;
  let start = text.length;
  let quote: '' | "'" | '"' = '';
  let redirectNext = false;
  let redirect = false;
  const end = () => {
    if (inWord) {
      if (redirectNext) redirectNext = false;
      else words.push(word);
    }
    word = '';
    inWord = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
      else word += c;
      continue;
    }
    if (c === "'" || c === '"') {
      if (!inWord) start = i;
      quote = c;
      inWord = true;
      continue;
    }
    if (c === '\\' && i + 1 < text.length) {
      if (!inWord) start = i;
      word += text[++i];
      inWord = true;
      continue;
    }
    if (c === ' ' || c === '\t') { end(); continue; }
    if (c === '|' || c === ';' || c === '&') {
      end();
      words = [];
      redirectNext = false;
      continue;
    }
    if (c === '>' || c === '<') {
      end();
      redirectNext = true;
      continue;
    }
    if (!inWord) start = i;
    word += c;
    inWord = true;
  }
  if (!inWord) start = text.length;
  redirect = redirectNext;
  return { words, cur: inWord ? word : '', from: start, redirect };
}

function uniq(xs: string[]): string[] {
  return [...new Set(xs)];
}

// ---- files ----

/** bash's filename completion: entries of the word's directory; directories end in "/" (no space). */
function files(cur: string, ctx: CompletionContext, opts: { dirsOnly?: boolean; exts?: string[] } = {}) {
  const slash = cur.lastIndexOf('/');
  const dir = slash >= 0 ? cur.slice(0, slash + 1) : '';
  const part = cur.slice(slash + 1);
  const entries = ctx.listDir(dir === '' ? '.' : dir) ?? [];
  const candidates: CompletionCandidate[] = [];
  for (const e of entries) {
    if (!e.startsWith(part) || (e.startsWith('.') && !part.startsWith('.'))) continue;
    const isDir = ctx.isDir(dir + e);
    if (opts.dirsOnly && !isDir) continue;
    if (!isDir && opts.exts && !opts.exts.some((x) => e.endsWith(`.${x}`))) continue;
    candidates.push({ value: `${dir}${e}${isDir ? '/' : ''}` });
  }
  // A lone directory keeps the cursor right after its "/", ready for the next part.
  return { candidates, noSpace: candidates.length === 1 && candidates[0].value.endsWith('/') };
}

// ---- kubectl ----

/** Output formats kubectl's -o completes (cmdutil RegisterFlagCompletionFunc "output"). */
const OUTPUT_FORMATS = ['json', 'yaml', 'name', 'go-template', 'go-template-file', 'template', 'templatefile',
  'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'custom-columns', 'custom-columns-file', 'wide'];

/** Types whose objects contain pods (completion.go doPodResourceCompletion). */
const RESOURCES_WITH_PODS = ['daemonsets', 'deployments', 'pods', 'jobs', 'replicasets', 'replicationcontrollers', 'services', 'statefulsets'];

/** Commands whose positional arguments are TYPE NAME… or TYPE/NAME (ResourceTypeAndNameCompletionFunc). */
const TYPE_AND_NAME = new Set(['get', 'describe', 'delete', 'edit', 'label', 'annotate', 'patch', 'wait', 'set env',
  'set image', 'set resources', 'set selector', 'set serviceaccount', 'set subject']);

/** Commands limited to some types (SpecifiedResourceTypeAndNameCompletionFunc and its NoRepeat form). */
const ALLOWED_TYPES: Readonly<Record<string, { types: string[]; repeat: boolean }>> = {
  scale: { types: ['deployment', 'replicaset', 'replicationcontroller', 'statefulset'], repeat: true },
  autoscale: { types: ['deployment', 'replicaset', 'replicationcontroller', 'statefulset'], repeat: false },
  expose: { types: ['deployment', 'pod', 'replicaset', 'replicationcontroller', 'service'], repeat: false },
  taint: { types: ['node'], repeat: false },
  'rollout history': { types: ['deployment', 'daemonset', 'statefulset'], repeat: true },
  'rollout pause': { types: ['deployment'], repeat: true },
  'rollout restart': { types: ['deployment', 'daemonset', 'statefulset'], repeat: true },
  'rollout resume': { types: ['deployment'], repeat: true },
  'rollout status': { types: ['deployment', 'daemonset', 'statefulset'], repeat: false },
  'rollout undo': { types: ['deployment', 'daemonset', 'statefulset'], repeat: true },
};

/** Commands whose first argument is the name of an object of one type (ResourceNameCompletionFunc). */
const NAME_OF: Readonly<Record<string, string>> = {
  cordon: 'node', uncordon: 'node', drain: 'node', 'top node': 'node', 'top pod': 'pod',
  'create token': 'serviceaccount',
};

type FlagInfo = { name: string; short: string; bool: boolean };

function flagInfos(rows: readonly FlagRow[]): FlagInfo[] {
  return rows.map(([name, short, def]) => ({ name, short, bool: def === 'false' || def === 'true' }));
}

/** `TYPE` as kubectl's RESTMapper resolves it: plural, singular, short name or kind, optionally `.group`. */
export function resolveType(arg: string): ResourceInfo | undefined {
  const lower = arg.toLowerCase();
  const dot = lower.indexOf('.');
  const name = dot >= 0 ? lower.slice(0, dot) : lower;
  const group = dot >= 0 ? lower.slice(dot + 1) : undefined;
  return RESOURCES.find((r) => (group === undefined || r.group === group || `${r.version}.${r.group}` === group)
    && (r.resource === name || r.singular === name || r.kind.toLowerCase() === name || r.shortNames.includes(name)));
}

/** `kubectl api-resources --verbs=get -o name`, sorted by group then name as apiresources.go does. */
export function resourceTypeNames(): string[] {
  return RESOURCES.filter((r) => r.verbs.includes('get'))
    .slice()
    .sort((a, b) => (a.group === b.group ? (a.resource < b.resource ? -1 : 1) : a.group < b.group ? -1 : 1))
    .map((r) => (r.group ? `${r.resource}.${r.group}` : r.resource));
}

const descriptionCache = new Map<string, Map<string, string>>();

/** Short descriptions of a path's subcommands and flags, read from its help text. */
function descriptions(path: string): Map<string, string> {
  let m = descriptionCache.get(path);
  if (m) return m;
  m = new Map();
  const lines = (helpText(path) ?? '').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const cmd = /^ {2}(\S+)\s{2,}(.+)$/.exec(lines[i]);
    if (cmd) { m.set(cmd[1], cmd[2].trim()); continue; }
    const flag = /^ {4}(?:-(\w), )?--([\w-]+)=/.exec(lines[i]);
    if (flag) {
      const text: string[] = [];
      for (let j = i + 1; j < lines.length && lines[j].startsWith('\t'); j++) text.push(lines[j].trim());
      m.set(`--${flag[2]}`, text.join(' '));
    }
  }
  descriptionCache.set(path, m);
  return m;
}

interface Parsed {
  path: string[];
  positional: string[];
  namespace?: string;
  /** The flag whose value is being completed (the previous word), if any. */
  pendingFlag?: FlagInfo;
}

function parseKubectlArgs(args: string[]): Parsed {
  const path: string[] = [];
  const positional: string[] = [];
  let namespace: string | undefined;
  const flagsFor = () => [...flagInfos(FLAG_ROWS[path.join(' ')] ?? []), ...flagInfos(GLOBAL_FLAG_ROWS)];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('-') && a !== '-') {
      const long = a.startsWith('--');
      const eq = a.indexOf('=');
      const name = a.slice(long ? 2 : 1, eq >= 0 ? eq : undefined);
      const def = flagsFor().find((f) => (long ? f.name === name : f.short === name[0]));
      let value: string | undefined = eq >= 0 ? a.slice(eq + 1) : !long && name.length > 1 ? name.slice(1) : undefined;
      if (def && !def.bool && value === undefined) {
        if (i + 1 >= args.length) return { path, positional, namespace, pendingFlag: def };
        value = args[++i];
      }
      if (def?.name === 'namespace' && value !== undefined) namespace = value;
      continue;
    }
    const children = childrenOf(path.join(' '));
    const child = positional.length === 0 ? children.find((c) => c.name === a || c.aliases.includes(a)) : undefined;
    if (child) path.push(child.name);
    else positional.push(a);
  }
  return { path, positional, namespace };
}

function kubectl(args: string[], cur: string, ctx: CompletionContext): { candidates: CompletionCandidate[]; noSpace?: boolean } {
  const p = parseKubectlArgs(args);
  const pathKey = p.path.join(' ');
  const ns = p.namespace ?? ctx.namespace;
  const prefixed = (xs: string[], desc?: Map<string, string>) =>
    xs.filter((x) => x.startsWith(cur)).map((value) => ({ value, description: desc?.get(value) }));
  if (p.pendingFlag) return flagValues(p.pendingFlag.name, cur, ns, ctx);
  if (cur.startsWith('-')) {
    const eq = cur.indexOf('=');
    if (eq > 0) {
      const name = cur.slice(cur.startsWith('--') ? 2 : 1, eq);
      const all = [...flagInfos(FLAG_ROWS[pathKey] ?? []), ...flagInfos(GLOBAL_FLAG_ROWS)];
      const def = all.find((f) => f.name === name || (cur[1] !== '-' && f.short === name));
      if (!def) return { candidates: [] };
      const r = flagValues(def.name, cur.slice(eq + 1), ns, ctx);
      return { ...r, candidates: r.candidates.map((c) => ({ value: cur.slice(0, eq + 1) + c.value })) };
    }
    const local = flagInfos(FLAG_ROWS[pathKey] ?? []);
    const desc = new Map([...descriptions('options'), ...descriptions(pathKey)]);
    const names: string[] = [];
    for (const f of [...local, ...flagInfos(GLOBAL_FLAG_ROWS)]) {
      names.push(`--${f.name}`);
      if (f.short) names.push(`-${f.short}`);
    }
    return {
      candidates: uniq(names).filter((n) => n.startsWith(cur))
        .map((value) => ({ value, description: desc.get(value.startsWith('--') ? value : longOf(value, [...local, ...flagInfos(GLOBAL_FLAG_ROWS)])) })),
    };
  }
  const children = childrenOf(pathKey);
  if (children.length && p.positional.length === 0) return { candidates: prefixed(children.map((c) => c.name), descriptions(pathKey)) };
  if (pathKey === 'help') return { candidates: prefixed(childrenOf('').map((c) => c.name), descriptions('')) };
  if (pathKey === 'completion') return { candidates: p.positional.length ? [] : prefixed(['bash', 'fish', 'powershell', 'zsh']) };
  if (pathKey === 'explain') return { candidates: p.positional.length ? [] : prefixed(resourceTypeNames()) };
  if (['config use-context', 'config delete-context', 'config rename-context', 'config get-contexts'].includes(pathKey)) {
    return { candidates: p.positional.length ? [] : prefixed(ctx.contexts) };
  }
  if (NAME_OF[pathKey]) return { candidates: p.positional.length ? [] : prefixed(names(NAME_OF[pathKey], ns, ctx)) };
  if (TYPE_AND_NAME.has(pathKey)) return typeAndName(p.positional, cur, ns, ctx, undefined, true);
  if (ALLOWED_TYPES[pathKey]) return typeAndName(p.positional, cur, ns, ctx, ALLOWED_TYPES[pathKey].types, ALLOWED_TYPES[pathKey].repeat);
  if (['logs', 'exec', 'attach', 'port-forward'].includes(pathKey)) {
    if (p.positional.length === 0) return podResource(cur, ns, ctx);
    if (pathKey === 'logs' && p.positional.length === 1 && !p.positional[0].includes('/')) {
      return { candidates: prefixed(ctx.containers(p.positional[0], ns)) };
    }
    return { candidates: [] };
  }
  if (pathKey.startsWith('create') || pathKey === 'run' || pathKey === 'version' || pathKey === 'cluster-info') return { candidates: [] };
  // Commands without a completion function fall back to filenames, as cobra's default directive does.
  return files(cur, ctx);
}

function longOf(short: string, flags: FlagInfo[]): string {
  const f = flags.find((x) => `-${x.short}` === short);
  return f ? `--${f.name}` : short;
}

function flagValues(flag: string, cur: string, ns: string, ctx: CompletionContext): { candidates: CompletionCandidate[]; noSpace?: boolean } {
  const pick = (xs: string[]) => ({ candidates: xs.filter((x) => x.startsWith(cur)).map((value) => ({ value })) });
  switch (flag) {
    case 'namespace': return pick(names('namespace', ns, ctx));
    case 'output': return pick(OUTPUT_FORMATS);
    case 'context': case 'cluster': case 'user': return pick(ctx.contexts);
    case 'filename': return files(cur, ctx, { exts: ['json', 'yaml', 'yml'] });
    case 'container': return { candidates: [] };
    case 'selector': case 'field-selector': case 'image': case 'replicas': case 'type': return { candidates: [] };
    default: return files(cur, ctx);
  }
}

function names(type: string, ns: string, ctx: CompletionContext): string[] {
  const info = resolveType(type);
  return info ? ctx.listNames(info, ns) : [];
}

// Models completion.go resourceTypeAndNameCompletionFunc.
function typeAndName(args: string[], cur: string, ns: string, ctx: CompletionContext, allowed: string[] | undefined, repeat: boolean) {
  const withPrefix = (xs: string[]) => xs.filter((x) => x.startsWith(cur)).map((value) => ({ value }));
  if (args.length > 0 && !args[0].includes('/')) {
    if (!repeat && args.length > 1) return { candidates: [] };
    return { candidates: withPrefix(names(args[0], ns, ctx).filter((n) => !args.slice(1).includes(n))) };
  }
  const slash = cur.indexOf('/');
  if (slash < 0) {
    if (args.length === 0) return { candidates: withPrefix(allowed ?? resourceTypeNames()) };
    if (!repeat) return { candidates: [] };
    // The first argument had the TYPE/NAME form: the others must too.
    const types = (allowed ?? resourceTypeNames()).filter((t) => t.startsWith(cur)).map((t) => ({ value: `${t}/` }));
    return { candidates: types, noSpace: true };
  }
  if (!repeat && args.length > 0) return { candidates: [] };
  const type = cur.slice(0, slash);
  const full = names(type, ns, ctx).map((n) => `${type}/${n}`).filter((v) => !args.includes(v));
  return { candidates: withPrefix(full) };
}

// Models completion.go doPodResourceCompletion.
function podResource(cur: string, ns: string, ctx: CompletionContext) {
  const slash = cur.indexOf('/');
  if (slash >= 0) {
    const type = cur.slice(0, slash);
    return { candidates: names(type, ns, ctx).map((n) => `${type}/${n}`).filter((v) => v.startsWith(cur)).map((value) => ({ value })) };
  }
  const pods = names('pods', ns, ctx).filter((n) => n.startsWith(cur));
  const types = RESOURCES_WITH_PODS.filter((r) => r.startsWith(cur)).map((r) => `${r}/`);
  return { candidates: [...pods, ...types].map((value) => ({ value })), noSpace: pods.length === 0 };
}
