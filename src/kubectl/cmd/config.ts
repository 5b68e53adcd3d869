// kubectl config: view, current-context, get-contexts, get-clusters, get-users, use-context (use),
// set-context, delete-context, rename-context, set-cluster, delete-cluster, set-credentials, delete-user,
// set, unset. Models k8s.io/kubectl/pkg/cmd/config (view.go with MinifyConfig/ShortenConfig, get_contexts.go,
// use_context.go, create_context.go, …) over the session's kubeconfig (~/.kube/config).
import type { Command, CmdContext } from '../command';
import type { ParsedArgs } from '../flags';
import { flagsFor } from '../help/flag-defs';
import { CmdError } from '../errors';
import type { KubeConfig } from '../types';
import { KUBECTL_TABWRITER, PrintError, TabWriter, genericPrinter, marshalYaml } from '../printers';
import { usageError } from '../usage';

/** Where the session's kubeconfig lives (messages name it). */
export const KUBECONFIG_PATH = '/home/learner/.kube/config';

type Json = Record<string, unknown>;

/** The kubeconfig as clientcmd/api/v1 Config JSON, in Go field order; raw=false redacts secrets. */
export function kubeconfigV1(cfg: KubeConfig, raw: boolean): Json {
  const ext = (e: KubeConfig['clusters'][number]['extensions']) => (e?.length ? { extensions: e.map((x) => ({ name: x.name, extension: x.extension })) } : {});
  return {
    kind: 'Config',
    apiVersion: 'v1',
    preferences: {},
    clusters: cfg.clusters.map((c) => ({ name: c.name, cluster: {
      server: c.server, ...(c.certificateAuthority ? { 'certificate-authority': c.certificateAuthority } : {}), ...ext(c.extensions) } })),
    users: cfg.users.map((u) => ({ name: u.name, user: {
      ...(u.clientCertificate ? { 'client-certificate': u.clientCertificate } : {}),
      ...(u.clientKey ? { 'client-key': u.clientKey } : {}),
      ...(u.token ? { token: raw ? u.token : 'REDACTED' } : {}),
      ...(u.username ? { username: u.username } : {}),
      ...(u.password ? { password: raw ? u.password : 'REDACTED' } : {}),
    } })),
    contexts: cfg.contexts.map((c) => ({ name: c.name, context: {
      cluster: c.cluster, user: c.user, ...(c.namespace ? { namespace: c.namespace } : {}), ...ext(c.extensions) } })),
    'current-context': cfg.currentContext,
  };
}

// clientcmdapi.MinifyConfig: only the current context, its cluster and its user.
function minify(cfg: KubeConfig): KubeConfig {
  if (!cfg.currentContext) throw new CmdError('error: current-context must exist in order to minify');
  const ctx = cfg.contexts.find((c) => c.name === cfg.currentContext);
  if (!ctx) throw new CmdError(`error: cannot locate context ${cfg.currentContext}`);
  return { currentContext: cfg.currentContext, contexts: [ctx], clusters: cfg.clusters.filter((c) => c.name === ctx.cluster),
    users: cfg.users.filter((u) => u.name === ctx.user) };
}

const view: Command = {
  name: 'view',
  short: 'Display merged kubeconfig settings or a specified kubeconfig file',
  flags: flagsFor('config view'),
  async run(p: ParsedArgs, ctx: CmdContext) {
    if (p.args.length) throw usageError(ctx, `unexpected arguments: [${p.args.join(' ')}]`);
    let cfg = ctx.env.config;
    if (p.flags.minify) cfg = minify(cfg);
    if (p.flags.flatten) {
      const file = cfg.clusters.find((c) => c.certificateAuthority)?.certificateAuthority ?? cfg.users.find((u) => u.clientCertificate)?.clientCertificate;
      if (file && ctx.env.fs.read(file) === undefined) throw new CmdError(`error: open ${file}: no such file or directory`);
    }
    const obj = kubeconfigV1(cfg, (p.flags.raw as boolean) || (p.flags.flatten as boolean));
    const output = p.flags.output as string;
    if (output === 'yaml') ctx.out(marshalYaml(obj));
    // A typed Config: Go's field order, not sorted keys.
    else if (output === 'json') ctx.out(`${JSON.stringify(obj, null, 4).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`)}\n`);
    else {
      try {
        genericPrinter({ output, template: p.flags.template as string, allowMissingTemplateKeys: p.flags['allow-missing-template-keys'] as boolean,
          readFile: (f) => ctx.env.fs.read(f) }).printObj(obj, { write: (t) => ctx.out(t) });
      } catch (e) {
        if (e instanceof PrintError) throw new CmdError(`error: ${e.message}`);
        throw e;
      }
    }
    return 0;
  },
};

const currentContext: Command = {
  name: 'current-context',
  short: 'Display the current-context',
  flags: flagsFor('config current-context'),
  async run(_p, ctx) {
    if (!ctx.env.config.currentContext) throw new CmdError('error: current-context is not set');
    ctx.out(`${ctx.env.config.currentContext}\n`);
    return 0;
  },
};

const getContexts: Command = {
  name: 'get-contexts',
  short: 'Describe one or many contexts',
  flags: flagsFor('config get-contexts'),
  async run(p, ctx) {
    const cfg = ctx.env.config;
    const output = p.flags.output as string;
    if (output !== '' && output !== 'name') throw new CmdError(`error: output must be one of '' or 'name': ${output}`);
    const names = p.args.length ? p.args : cfg.contexts.map((c) => c.name).sort();
    const w = new TabWriter(KUBECTL_TABWRITER, (t) => ctx.out(t));
    if (output === '' && !(p.flags['no-headers'] as boolean)) w.write('CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n');
    const missing: string[] = [];
    for (const n of names) {
      const c = cfg.contexts.find((x) => x.name === n);
      if (!c) {
        missing.push(n);
        continue;
      }
      if (output === 'name') w.write(`${n}\n`);
      else w.write(`${cfg.currentContext === n ? '*' : ''}\t${n}\t${c.cluster}\t${c.user}\t${c.namespace ?? ''}\n`);
    }
    w.flush();
    if (missing.length) throw new CmdError(missing.map((m) => `error: context ${m} not found`).join('\n'));
    return 0;
  },
};

const getClusters: Command = {
  name: 'get-clusters',
  short: 'Display clusters defined in the kubeconfig',
  flags: flagsFor('config get-clusters'),
  async run(_p, ctx) {
    ctx.out(`NAME\n${ctx.env.config.clusters.map((c) => `${c.name}\n`).join('')}`);
    return 0;
  },
};

const getUsers: Command = {
  name: 'get-users',
  short: 'Display users defined in the kubeconfig',
  flags: flagsFor('config get-users'),
  async run(_p, ctx) {
    ctx.out(`NAME\n${ctx.env.config.users.map((u) => `${u.name}\n`).join('')}`);
    return 0;
  },
};

const useContext: Command = {
  name: 'use-context',
  aliases: ['use'],
  short: 'Set the current-context in a kubeconfig file',
  flags: flagsFor('config use-context'),
  async run(p, ctx) {
    if (p.args.length !== 1) throw usageError(ctx, 'Unexpected args: ' + `[${p.args.join(' ')}]`);
    const name = p.args[0];
    if (!ctx.env.config.contexts.some((c) => c.name === name)) throw new CmdError(`error: no context exists with the name: "${name}"`);
    ctx.env.config.currentContext = name;
    ctx.out(`Switched to context "${name}".\n`);
    return 0;
  },
};

const setContext: Command = {
  name: 'set-context',
  short: 'Set a context entry in kubeconfig',
  flags: flagsFor('config set-context'),
  async run(p, ctx) {
    const cfg = ctx.env.config;
    const current = p.flags.current as boolean;
    if (current && p.args.length) throw new CmdError('error: you cannot specify a context name and --current');
    if (!current && p.args.length !== 1) throw usageError(ctx, 'Unexpected args: ' + `[${p.args.join(' ')}]`);
    const name = current ? cfg.currentContext : p.args[0];
    if (current && !name) throw new CmdError('error: no current context is set');
    let c = cfg.contexts.find((x) => x.name === name);
    const created = !c;
    if (!c) {
      c = { name, cluster: '', user: '' };
      cfg.contexts.push(c);
    }
    if (p.changed.has('cluster')) c.cluster = p.flags.cluster as string;
    if (p.changed.has('user')) c.user = p.flags.user as string;
    if (p.changed.has('namespace')) c.namespace = (p.flags.namespace as string) || undefined;
    ctx.out(`Context "${name}" ${created ? 'created' : 'modified'}.\n`);
    return 0;
  },
};

const deleteContext: Command = {
  name: 'delete-context',
  short: 'Delete the specified context from the kubeconfig',
  flags: flagsFor('config delete-context'),
  async run(p, ctx) {
    const cfg = ctx.env.config;
    if (p.args.length !== 1) throw usageError(ctx, 'Unexpected args: ' + `[${p.args.join(' ')}]`);
    const name = p.args[0];
    const i = cfg.contexts.findIndex((c) => c.name === name);
    if (i < 0) throw new CmdError(`error: cannot delete context ${name}, not in ${KUBECONFIG_PATH}`);
    if (cfg.currentContext === name) ctx.err('warning: this removed your active context, use "kubectl config use-context" to select a different one\n');
    cfg.contexts.splice(i, 1);
    ctx.out(`deleted context ${name} from ${KUBECONFIG_PATH}\n`);
    return 0;
  },
};

const renameContext: Command = {
  name: 'rename-context',
  short: 'Rename a context from the kubeconfig file',
  flags: flagsFor('config rename-context'),
  async run(p, ctx) {
    const cfg = ctx.env.config;
    if (p.args.length !== 2) throw usageError(ctx, 'Unexpected args: ' + `[${p.args.join(' ')}]`);
    const [from, to] = p.args;
    const c = cfg.contexts.find((x) => x.name === from);
    if (!c) throw new CmdError(`error: cannot rename the context "${from}", it's not in ${KUBECONFIG_PATH}`);
    if (cfg.contexts.some((x) => x.name === to)) throw new CmdError(`error: cannot rename the context "${from}", the context "${to}" already exists in ${KUBECONFIG_PATH}`);
    c.name = to;
    if (cfg.currentContext === from) cfg.currentContext = to;
    ctx.out(`Context "${from}" renamed to "${to}".\n`);
    return 0;
  },
};

const setCluster: Command = {
  name: 'set-cluster',
  short: 'Set a cluster entry in kubeconfig',
  flags: flagsFor('config set-cluster'),
  async run(p, ctx) {
    if (p.args.length !== 1) throw usageError(ctx, 'Unexpected args: ' + `[${p.args.join(' ')}]`);
    const name = p.args[0];
    let c = ctx.env.config.clusters.find((x) => x.name === name);
    if (!c) {
      c = { name, server: '' };
      ctx.env.config.clusters.push(c);
    }
    if (p.changed.has('server')) c.server = p.flags.server as string;
    if (p.changed.has('certificate-authority')) c.certificateAuthority = p.flags['certificate-authority'] as string;
    ctx.out(`Cluster "${name}" set.\n`);
    return 0;
  },
};

const deleteCluster: Command = {
  name: 'delete-cluster',
  short: 'Delete the specified cluster from the kubeconfig',
  flags: flagsFor('config delete-cluster'),
  async run(p, ctx) {
    if (p.args.length !== 1) throw usageError(ctx, 'Unexpected args: ' + `[${p.args.join(' ')}]`);
    const i = ctx.env.config.clusters.findIndex((c) => c.name === p.args[0]);
    if (i < 0) throw new CmdError(`error: cannot delete cluster ${p.args[0]}, not in ${KUBECONFIG_PATH}`);
    ctx.env.config.clusters.splice(i, 1);
    ctx.out(`deleted cluster ${p.args[0]} from ${KUBECONFIG_PATH}\n`);
    return 0;
  },
};

const setCredentials: Command = {
  name: 'set-credentials',
  short: 'Set a user entry in kubeconfig',
  flags: flagsFor('config set-credentials'),
  async run(p, ctx) {
    if (p.args.length !== 1) throw usageError(ctx, 'Unexpected args: ' + `[${p.args.join(' ')}]`);
    const name = p.args[0];
    let u = ctx.env.config.users.find((x) => x.name === name);
    if (!u) {
      u = { name };
      ctx.env.config.users.push(u);
    }
    if (p.changed.has('token')) u.token = p.flags.token as string;
    if (p.changed.has('username')) u.username = p.flags.username as string;
    if (p.changed.has('password')) u.password = p.flags.password as string;
    if (p.changed.has('client-certificate')) u.clientCertificate = p.flags['client-certificate'] as string;
    if (p.changed.has('client-key')) u.clientKey = p.flags['client-key'] as string;
    ctx.out(`User "${name}" set.\n`);
    return 0;
  },
};

const deleteUser: Command = {
  name: 'delete-user',
  short: 'Delete the specified user from the kubeconfig',
  flags: flagsFor('config delete-user'),
  async run(p, ctx) {
    if (p.args.length !== 1) throw usageError(ctx, 'Unexpected args: ' + `[${p.args.join(' ')}]`);
    const i = ctx.env.config.users.findIndex((u) => u.name === p.args[0]);
    if (i < 0) throw new CmdError(`error: cannot delete user ${p.args[0]}, not in ${KUBECONFIG_PATH}`);
    ctx.env.config.users.splice(i, 1);
    ctx.out(`deleted user ${p.args[0]} from ${KUBECONFIG_PATH}\n`);
    return 0;
  },
};

// `config set|unset PROPERTY_NAME [VALUE]` for the properties learners use.
function setProperty(cfg: KubeConfig, path: string, value: string | undefined): boolean {
  const parts = path.split('.');
  if (parts[0] === 'current-context' && parts.length === 1) {
    cfg.currentContext = value ?? '';
    return true;
  }
  const [kind, name, field] = parts;
  if (parts.length === 2 && value === undefined) {
    const list = kind === 'contexts' ? cfg.contexts : kind === 'clusters' ? cfg.clusters : kind === 'users' ? cfg.users : undefined;
    if (!list) return false;
    const i = list.findIndex((x) => x.name === name);
    if (i >= 0) list.splice(i, 1);
    return true;
  }
  if (kind === 'contexts' && parts.length === 3) {
    let c = cfg.contexts.find((x) => x.name === name);
    if (!c) {
      c = { name, cluster: '', user: '' };
      cfg.contexts.push(c);
    }
    if (field === 'namespace') c.namespace = value || undefined;
    else if (field === 'cluster') c.cluster = value ?? '';
    else if (field === 'user') c.user = value ?? '';
    else return false;
    return true;
  }
  if (kind === 'clusters' && parts.length === 3 && field === 'server') {
    let c = cfg.clusters.find((x) => x.name === name);
    if (!c) {
      c = { name, server: '' };
      cfg.clusters.push(c);
    }
    c.server = value ?? '';
    return true;
  }
  return false;
}

const set: Command = {
  name: 'set',
  short: 'Set an individual value in a kubeconfig file',
  flags: flagsFor('config set'),
  async run(p, ctx) {
    if (p.args.length !== 2) throw usageError(ctx, 'Unexpected args: ' + `[${p.args.join(' ')}]`);
    if (!setProperty(ctx.env.config, p.args[0], p.args[1])) throw new CmdError(`error: unable to locate path ${p.args[0]}`);
    ctx.out(`Property "${p.args[0]}" set.\n`);
    return 0;
  },
};

const unset: Command = {
  name: 'unset',
  short: 'Unset an individual value in a kubeconfig file',
  flags: flagsFor('config unset'),
  async run(p, ctx) {
    if (p.args.length !== 1) throw usageError(ctx, 'Unexpected args: ' + `[${p.args.join(' ')}]`);
    if (!setProperty(ctx.env.config, p.args[0], undefined)) throw new CmdError(`error: unable to locate path ${p.args[0]}`);
    ctx.out(`Property "${p.args[0]}" unset.\n`);
    return 0;
  },
};

/** `kubectl config`. */
export const configCommand: Command = {
  name: 'config',
  short: 'Modify kubeconfig files',
  flags: flagsFor('config'),
  subcommands: [view, currentContext, getContexts, getClusters, getUsers, useContext, setContext, deleteContext, renameContext,
    setCluster, deleteCluster, setCredentials, deleteUser, set, unset],
};
