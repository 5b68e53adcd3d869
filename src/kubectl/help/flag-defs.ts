// Flag definitions of every kubectl command, derived from the Options section of its help text (captured
// from kubectl v1.32) plus the facts help does not show: whether a list flag splits on commas
// (pflag StringSlice) or not (StringArray), the value a bare optional-value flag takes (NoOptDefVal),
// which flags cobra requires (MarkFlagRequired), and hidden deprecated flags.
import type { FlagDef, FlagType } from '../flags';
import { FLAG_ROWS, GLOBAL_FLAG_ROWS, type FlagRow } from './flags.generated';

// List flags that are pflag StringArray (one value per occurrence, commas kept), by command path.
// Models the StringArrayVar calls in k8s.io/kubectl/pkg/cmd/**; every other "[]" flag is a StringSlice.
const STRING_ARRAY: Readonly<Record<string, readonly string[]>> = {
  'create configmap': ['from-literal'],
  'create secret generic': ['from-literal'],
  'create ingress': ['annotation', 'rule'],
  'create token': ['audience'],
  'create role': ['resource-name'],
  'create clusterrole': ['resource-name'],
  'create rolebinding': ['user', 'group', 'serviceaccount'],
  'create clusterrolebinding': ['user', 'group', 'serviceaccount'],
  'set subject': ['user', 'group', 'serviceaccount'],
  'set env': ['env'],
  run: ['env', 'annotations'],
  debug: ['env'],
  kustomize: ['env'],
  apply: ['prune-allowlist'],
  diff: ['prune-allowlist'],
  'config set-credentials': ['exec-env'],
};

// Map-valued flags (pflag StringToString, cliflag.MapStringString).
const STRING_TO_STRING: Readonly<Record<string, readonly string[]>> = {
  'create clusterrole': ['aggregation-rule'],
  debug: ['env', 'set-image'],
};

// NoOptDefVal: the value a flag given without "=value" takes (cmdutil.AddDryRunFlag, AddValidateFlags,
// AddCascadingFlag). Bool flags take "true" as pflag does.
const NO_OPT_DEF_VAL: Readonly<Record<string, string>> = {
  'dry-run': 'unchanged',
  validate: 'strict',
  cascade: 'background',
};

/** Flags cobra requires (MarkFlagRequired), by command path; checked before the command runs. */
export const REQUIRED_FLAGS: Readonly<Record<string, readonly string[]>> = {
  'create clusterrolebinding': ['clusterrole'],
  'create cronjob': ['image', 'schedule'],
  'create deployment': ['image'],
  'create service externalname': ['external-name'],
  run: ['image'],
  autoscale: ['max'],
  scale: ['replicas'],
};

/** Hidden deprecated flags: accepted, and using them prints pflag's "Flag --x has been deprecated, …". */
export const DEPRECATED_FLAGS: Readonly<Record<string, string>> = {
  record: '--record will be removed in the future',
};

// Commands that carry the hidden --record flag (genericclioptions.RecordFlags.AddFlags).
const RECORD_COMMANDS = new Set(['annotate', 'apply', 'autoscale', 'create', 'edit', 'expose', 'label', 'patch', 'replace',
  'rollout undo', 'rollout pause', 'rollout resume', 'run', 'scale', 'set env', 'set image', 'set resources', 'set selector',
  'set serviceaccount', 'set subject']);

function unquote(text: string): string {
  return text.startsWith("'") && text.endsWith("'") ? text.slice(1, -1) : text;
}

/** Go duration text ("1m0s", "30s", "0s") → milliseconds. */
function durationMs(text: string): number {
  let ms = 0;
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s)/g)) ms += Number(m[1]) * { h: 3_600_000, m: 60_000, s: 1000, ms: 1 }[m[2] as 'h'];
  return ms;
}

function toDef(path: string, [name, short, text]: FlagRow): FlagDef {
  let type: FlagType;
  let def: unknown;
  if (text === 'true' || text === 'false') {
    type = 'bool';
    def = text === 'true';
  } else if (text.startsWith("'")) {
    type = 'string';
    def = unquote(text);
  } else if (STRING_TO_STRING[path]?.includes(name)) {
    type = 'stringToString';
    def = {};
  } else if (text.startsWith('[')) {
    type = STRING_ARRAY[path]?.includes(name) ? 'stringArray' : 'stringSlice';
    def = text === '[]' ? [] : text.slice(1, -1).split(',');
  } else if (/^-?\d+$/.test(text)) {
    type = 'int';
    def = Number(text);
  } else if (/^\d/.test(text)) {
    type = 'duration';
    def = durationMs(text);
  } else {
    type = 'string';
    def = text;
  }
  const d: FlagDef = { name, type, default: def };
  if (short) d.short = short;
  if (NO_OPT_DEF_VAL[name] && type === 'string') d.noOptDefVal = NO_OPT_DEF_VAL[name];
  return d;
}

const cache = new Map<string, FlagDef[]>();

/** The flags of a command (its own, not the global ones), e.g. flagsFor('create deployment'). */
export function flagsFor(path: string): FlagDef[] {
  let defs = cache.get(path);
  if (!defs) {
    defs = (FLAG_ROWS[path] ?? []).map((r) => toDef(path, r));
    if (RECORD_COMMANDS.has(path)) defs.push({ name: 'record', type: 'bool', default: false, hidden: true });
    cache.set(path, defs);
  }
  return defs;
}

/** The global flags (`kubectl options`), as help shows them. */
export function globalFlagDefs(): FlagDef[] {
  return GLOBAL_FLAG_ROWS.map((r) => toDef('', r));
}
