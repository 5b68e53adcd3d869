// kubectl create secret generic|tls|docker-registry. Models k8s.io/kubectl/pkg/cmd/create/create_secret.go,
// create_secret_tls.go and create_secret_docker.go.
import type { Secret } from '../../../engine/api/types';
import { isConfigMapKey } from '../../../engine/api/validation';
import { base64Encode } from '../../../engine/api/schema';
import type { Command, CmdContext } from '../../command';
import { CmdError } from '../../errors';
import { flagsFor } from '../../help/flag-defs';
import { generatedNamespace, runCreate } from './runner';
import { parseLiteralSource, readEnvFile, readFileSource } from './sources';
import { secretHash } from './hash';

const b64 = (s: string) => base64Encode(new TextEncoder().encode(s));

// addKeyFromLiteralToSecret: a valid key, not already present.
function addKey(data: Record<string, string>, key: string, value: string): void {
  const errs = isConfigMapKey(key);
  if (errs.length) throw new CmdError(`error: ${JSON.stringify(key)} is not valid key name for a Secret ${errs.join(';')}`);
  if (key in data) throw new CmdError(`error: cannot add key ${key}, another key by that name already exists`);
  data[key] = b64(value);
}

async function secretObject(ctx: CmdContext, name: string, type: string, data: Record<string, string>, appendHash: boolean): Promise<Secret> {
  const d = Object.keys(data).length ? data : undefined;
  const finalName = appendHash ? `${name}-${await secretHash(name, type, d)}` : name;
  const s: Secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: finalName, namespace: generatedNamespace(ctx) }, data: d };
  if (type) s.type = type;
  return s;
}

const genericCommand: Command = {
  name: 'generic',
  short: 'Create a secret from a local file, directory, or literal value',
  flags: flagsFor('create secret generic'),
  run: (p, ctx) => runCreate(p, ctx, {
    resource: ['', 'secrets'],
    failPrefix: 'failed to create secret: ',
    validate() {
      const env = p.flags['from-env-file'] as string[];
      if (env.length && ((p.flags['from-file'] as string[]).length || (p.flags['from-literal'] as string[]).length)) {
        throw new CmdError('error: from-env-file cannot be combined with from-file or from-literal');
      }
    },
    build(_p, _ctx, name) {
      const data: Record<string, string> = {};
      for (const s of p.flags['from-literal'] as string[]) addKey(data, ...parseLiteralSource(s));
      for (const s of p.flags['from-file'] as string[]) for (const [k, v] of readFileSource(ctx.env.fs, s)) addKey(data, k, v);
      for (const f of p.flags['from-env-file'] as string[]) {
        for (const [k, v] of readEnvFile(ctx.env.fs, f, 'env secret file cannot be a directory')) addKey(data, k, v);
      }
      return secretObject(ctx, name, p.flags.type as string, data, p.flags['append-hash'] as boolean);
    },
  }),
};

// tls.X509KeyPair's first checks: PEM data of the right block types. Deviation: the certificate is not
// parsed and the key is not matched against it.
function checkPem(text: string, what: 'certificate' | 'key'): void {
  const types = [...text.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----/g)].map((m) => m[1]);
  if (!types.length) throw new CmdError(`error: tls: failed to find any PEM data in ${what} input`);
  const ok = what === 'certificate' ? types.includes('CERTIFICATE') : types.some((t) => t === 'PRIVATE KEY' || t.endsWith(' PRIVATE KEY'));
  if (ok) return;
  if (what === 'certificate') {
    throw new CmdError(`error: tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: [${types.join(' ')}]`);
  }
  throw new CmdError(`error: tls: failed to find PEM block with type ending in "PRIVATE KEY" in key input after skipping PEM blocks of the following types: [${types.join(' ')}]`);
}

const tlsCommand: Command = {
  name: 'tls',
  short: 'Create a TLS secret',
  flags: flagsFor('create secret tls'),
  run: (p, ctx) => runCreate(p, ctx, {
    resource: ['', 'secrets'],
    failPrefix: 'failed to create secret: ',
    validate() {
      if (!(p.flags.key as string) || !(p.flags.cert as string)) throw new CmdError('error: key and cert must be specified');
    },
    build(_p, _ctx, name) {
      const read = (f: string) => {
        const t = ctx.env.fs.isDir(f) ? undefined : ctx.env.fs.read(f);
        if (t === undefined) throw new CmdError(`error: Cannot read file ${f}, open ${f}: no such file or directory`);
        return t;
      };
      const cert = read(p.flags.cert as string);
      const key = read(p.flags.key as string);
      checkPem(cert, 'certificate');
      checkPem(key, 'key');
      return secretObject(ctx, name, 'kubernetes.io/tls', { 'tls.crt': b64(cert), 'tls.key': b64(key) }, p.flags['append-hash'] as boolean);
    },
  }),
};

const dockerRegistryCommand: Command = {
  name: 'docker-registry',
  short: 'Create a secret for use with a Docker registry',
  flags: flagsFor('create secret docker-registry'),
  run: (p, ctx) => runCreate(p, ctx, {
    resource: ['', 'secrets'],
    failPrefix: 'failed to create secret ',
    validate() {
      const f = p.flags;
      if (!(f['from-file'] as string[]).length && (!(f['docker-username'] as string) || !(f['docker-password'] as string) || !(f['docker-server'] as string))) {
        throw new CmdError('error: either --from-file or the combination of --docker-username, --docker-password and --docker-server is required');
      }
    },
    build(_p, _ctx, name) {
      const f = p.flags;
      const data: Record<string, string> = {};
      if ((f['from-file'] as string[]).length) {
        for (const s of f['from-file'] as string[]) for (const [k, v] of readFileSource(ctx.env.fs, s)) addKey(data, k, v);
      } else {
        const user = f['docker-username'] as string;
        const pass = f['docker-password'] as string;
        // DockerConfigJSON{Auths: {server: {username, password, email, auth}}}; email is omitempty.
        const entry: Record<string, string> = { username: user, password: pass };
        if (f['docker-email']) entry.email = f['docker-email'] as string;
        entry.auth = b64(`${user}:${pass}`);
        const json = JSON.stringify({ auths: { [f['docker-server'] as string]: entry } })
          .replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
        data['.dockerconfigjson'] = b64(json);
      }
      return secretObject(ctx, name, 'kubernetes.io/dockerconfigjson', data, f['append-hash'] as boolean);
    },
  }),
};

/** `kubectl create secret` (generic, tls, docker-registry). */
export const createSecretCommand: Command = {
  name: 'secret',
  short: 'Create a secret using a specified subcommand',
  flags: flagsFor('create secret'),
  subcommands: [genericCommand, tlsCommand, dockerRegistryCommand],
};
