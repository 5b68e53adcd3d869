// kubectl create configmap. Models k8s.io/kubectl/pkg/cmd/create/create_configmap.go.
import type { ConfigMap } from '../../../engine/api/types';
import { isConfigMapKey } from '../../../engine/api/validation';
import type { Command } from '../../command';
import { CmdError } from '../../errors';
import { flagsFor } from '../../help/flag-defs';
import { generatedNamespace, runCreate } from './runner';
import { parseLiteralSource, readEnvFile, readFileSource } from './sources';
import { configMapHash } from './hash';

// validateNewConfigMap: a valid key, not already in data.
function addKey(cm: { name: string; data: Record<string, string> }, key: string, value: string): void {
  const errs = isConfigMapKey(key);
  if (errs.length) throw new CmdError(`error: ${JSON.stringify(key)} is not a valid key name for a ConfigMap: ${errs.join(',')}`);
  if (key in cm.data) throw new CmdError(`error: cannot add key ${JSON.stringify(key)}, another key by that name already exists in Data for ConfigMap ${JSON.stringify(cm.name)}`);
  cm.data[key] = value;
}

/** `kubectl create configmap NAME [--from-file=[key=]source] [--from-literal=key1=value1]`. */
export const createConfigMapCommand: Command = {
  name: 'configmap',
  aliases: ['cm'],
  short: 'Create a config map from a local file, directory or literal value',
  flags: flagsFor('create configmap'),
  run: (p, ctx) => runCreate(p, ctx, {
    resource: ['', 'configmaps'],
    failPrefix: 'failed to create configmap: ',
    validate() {
      const env = p.flags['from-env-file'] as string[];
      if (env.length && ((p.flags['from-file'] as string[]).length || (p.flags['from-literal'] as string[]).length)) {
        throw new CmdError('error: from-env-file cannot be combined with from-file or from-literal');
      }
    },
    async build(_p, _ctx, name): Promise<ConfigMap> {
      const cm = { name, data: {} as Record<string, string> };
      for (const s of p.flags['from-file'] as string[]) for (const [k, v] of readFileSource(ctx.env.fs, s)) addKey(cm, k, v);
      for (const s of p.flags['from-literal'] as string[]) addKey(cm, ...parseLiteralSource(s));
      for (const f of p.flags['from-env-file'] as string[]) {
        for (const [k, v] of readEnvFile(ctx.env.fs, f, 'env config file cannot be a directory')) addKey(cm, k, v);
      }
      const data = Object.keys(cm.data).length ? cm.data : undefined;
      const finalName = p.flags['append-hash'] ? `${name}-${await configMapHash(name, data)}` : name;
      return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: finalName, namespace: generatedNamespace(ctx) }, data };
    },
  }),
};
