// kubectl create namespace, serviceaccount, quota, poddisruptionbudget, priorityclass and token.
// Models k8s.io/kubectl/pkg/cmd/create/create_namespace.go, create_serviceaccount.go, create_quota.go,
// create_pdb.go, create_priorityclass.go and create_token.go.
import type { KubeObject } from '../../../engine/api/types';
import { canonicalQuantity, parseSelector, SelectorParseError } from '../../../engine/api';
import type { Command } from '../../command';
import { CmdError } from '../../errors';
import { flagsFor } from '../../help/flag-defs';
import { generatedNamespace, runCreate } from './runner';

/** `kubectl create namespace NAME`. */
export const createNamespaceCommand: Command = {
  name: 'namespace',
  aliases: ['ns'],
  short: 'Create a namespace with the specified name',
  flags: flagsFor('create namespace'),
  run: (p, ctx) => runCreate(p, ctx, {
    resource: ['', 'namespaces'],
    build: (_p, _ctx, name) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }),
  }),
};

/** `kubectl create serviceaccount NAME`. */
export const createServiceAccountCommand: Command = {
  name: 'serviceaccount',
  aliases: ['sa'],
  short: 'Create a service account with the specified name',
  flags: flagsFor('create serviceaccount'),
  run: (p, ctx) => runCreate(p, ctx, {
    resource: ['', 'serviceaccounts'],
    failPrefix: 'failed to create serviceaccount: ',
    build: (_p, _ctx, name) => ({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: generatedNamespace(ctx) } }),
  }),
};

const QUOTA_SCOPES = ['Terminating', 'NotTerminating', 'BestEffort', 'NotBestEffort', 'PriorityClass', 'CrossNamespacePodAffinity'];

/** `kubectl create quota NAME [--hard=key1=value1] [--scopes=Scope1,Scope2]`. */
export const createQuotaCommand: Command = {
  name: 'quota',
  aliases: ['resourcequota'],
  short: 'Create a quota with the specified name',
  flags: flagsFor('create quota'),
  run: (p, ctx) => runCreate(p, ctx, {
    resource: ['', 'resourcequotas'],
    failPrefix: 'failed to create quota: ',
    build(_p, _ctx, name): KubeObject {
      const spec: Record<string, unknown> = {};
      const hardText = p.flags.hard as string;
      if (hardText) {
        const hard: Record<string, string> = {};
        for (const kv of hardText.split(',')) {
          const parts = kv.split('=');
          if (parts.length !== 2) throw new CmdError(`error: Invalid argument syntax ${kv}, expected <resource>=<value>`);
          try {
            hard[parts[0]] = canonicalQuantity(parts[1]);
          } catch {
            throw new CmdError("error: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
          }
        }
        spec.hard = hard;
      }
      const scopesText = p.flags.scopes as string;
      if (scopesText) {
        const scopes = scopesText.split(',');
        for (const s of scopes) {
          if (!QUOTA_SCOPES.includes(s)) throw new CmdError(`error: invalid resource quota scope ${JSON.stringify(s)}`);
        }
        spec.scopes = scopes;
      }
      return { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name, namespace: generatedNamespace(ctx) }, spec };
    },
  }),
};

// metav1.ParseToLabelSelector: = and == become matchLabels; in, notin, exists and ! matchExpressions.
function toLabelSelector(text: string): Record<string, unknown> {
  let sel;
  try {
    sel = parseSelector(text);
  } catch (e) {
    if (e instanceof SelectorParseError) throw new CmdError(`error: ${e.message}`);
    throw e;
  }
  const matchLabels: Record<string, string> = {};
  const matchExpressions: Record<string, unknown>[] = [];
  const opName: Record<string, string> = { in: 'In', notin: 'NotIn', exists: 'Exists', '!': 'DoesNotExist' };
  for (const r of sel.requirements) {
    if (r.op === '=' || r.op === '==') matchLabels[r.key] = r.values[0];
    else if (r.op === '!=') throw new CmdError('error: "!=" is not a valid label selector operator');
    else if (r.op === 'gt' || r.op === 'lt') throw new CmdError(`error: "${r.op}" isn't supported in label selectors`);
    else matchExpressions.push(r.values.length ? { key: r.key, operator: opName[r.op], values: r.values } : { key: r.key, operator: opName[r.op] });
  }
  const out: Record<string, unknown> = {};
  if (Object.keys(matchLabels).length) out.matchLabels = matchLabels;
  if (matchExpressions.length) out.matchExpressions = matchExpressions;
  return out;
}

// intstr.Parse: an integer, else a string (a percentage here).
const intOrString = (s: string): number | string => (/^-?\d+$/.test(s) ? Number(s) : s);
const validIntOrPercent = (s: string) => /^\d+$/.test(s) || /^\d+%$/.test(s);

/** `kubectl create poddisruptionbudget NAME --selector=SELECTOR --min-available=N`. */
export const createPdbCommand: Command = {
  name: 'poddisruptionbudget',
  aliases: ['pdb'],
  short: 'Create a pod disruption budget with the specified name',
  flags: flagsFor('create poddisruptionbudget'),
  run: (p, ctx) => runCreate(p, ctx, {
    resource: ['policy', 'poddisruptionbudgets'],
    failPrefix: 'failed to create poddisruptionbudgets: ',
    validate() {
      const min = p.flags['min-available'] as string;
      const max = p.flags['max-unavailable'] as string;
      if (!(p.flags.selector as string)) throw new CmdError('error: a selector must be specified');
      if (!min && !max) throw new CmdError('error: one of min-available or max-unavailable must be specified');
      if (min && max) throw new CmdError('error: min-available and max-unavailable cannot be both specified');
      if (min && !validIntOrPercent(min)) throw new CmdError('error: invalid format specified for min-available');
      if (max && !validIntOrPercent(max)) throw new CmdError('error: invalid format specified for max-unavailable');
    },
    build(_p, _ctx, name): KubeObject {
      const spec: Record<string, unknown> = { selector: toLabelSelector(p.flags.selector as string) };
      const min = p.flags['min-available'] as string;
      const max = p.flags['max-unavailable'] as string;
      if (min) spec.minAvailable = intOrString(min);
      if (max) spec.maxUnavailable = intOrString(max);
      return { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name, namespace: generatedNamespace(ctx) }, spec };
    },
  }),
};

/** `kubectl create priorityclass NAME --value=VALUE --global-default=BOOL`. */
export const createPriorityClassCommand: Command = {
  name: 'priorityclass',
  aliases: ['pc'],
  short: 'Create a priority class with the specified name',
  flags: flagsFor('create priorityclass'),
  run: (p, ctx) => runCreate(p, ctx, {
    resource: ['scheduling.k8s.io', 'priorityclasses'],
    failPrefix: 'failed to create priorityclass: ',
    build(_p, _ctx, name): KubeObject {
      const pc: Record<string, unknown> = { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name },
        value: p.flags.value as number, preemptionPolicy: p.flags['preemption-policy'] as string };
      if (p.flags['global-default']) pc.globalDefault = true;
      if (p.flags.description) pc.description = p.flags.description as string;
      return pc as KubeObject;
    },
  }),
};
