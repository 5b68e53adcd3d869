// kubectl version. Models k8s.io/kubectl/pkg/cmd/version/version.go: client, kustomize and server versions as
// text, YAML (sigs.k8s.io/yaml, then a blank line) or JSON (two-space indent, Go field order), and the
// version-skew warning.
import type { Command, CmdContext } from '../command';
import type { ParsedArgs } from '../flags';
import { flagsFor } from '../help/flag-defs';
import { CmdError } from '../errors';
import { marshalYaml } from '../printers';

/**
 * The client's version.Info: the kubectl v1.32 binary kubesim is checked against (its patch release).
 * Deviation: the simulated minikube's own `kubectl` would report v1.32.0.
 */
export const CLIENT_VERSION = {
  major: '1', minor: '32', gitVersion: 'v1.32.5', gitCommit: '9894294ef13a5b32803e3ca2c0d620a088cc84d1', gitTreeState: 'clean',
  buildDate: '2025-05-15T09:12:10Z', goVersion: 'go1.23.8', compiler: 'gc', platform: 'linux/amd64',
};

/** The kustomize kubectl v1.32 embeds. */
export const KUSTOMIZE_VERSION = 'v5.5.0';

/** The API server's /version answer (kube-apiserver v1.32.0 as minikube runs it). */
export const SERVER_VERSION_INFO = {
  major: '1', minor: '32', gitVersion: 'v1.32.0', gitCommit: '70d3cc986aa8221cd1dfb1121852688902d3bf53', gitTreeState: 'clean',
  buildDate: '2024-12-11T17:59:15Z', goVersion: 'go1.23.3', compiler: 'gc', platform: 'linux/amd64',
};

/** `kubectl version`. */
export const versionCommand: Command = {
  name: 'version',
  short: 'Print the client and server version information',
  flags: flagsFor('version'),
  async run(p: ParsedArgs, ctx: CmdContext) {
    const output = p.flags.output as string;
    const clientOnly = p.flags.client as boolean;
    if (p.args.length) throw new CmdError(`error: extra arguments: [${p.args.join(' ')}]`);
    if (output !== '' && output !== 'yaml' && output !== 'json') throw new CmdError("error: --output must be 'yaml' or 'json'");
    const info: Record<string, unknown> = { clientVersion: CLIENT_VERSION, kustomizeVersion: KUSTOMIZE_VERSION };
    if (!clientOnly) info.serverVersion = SERVER_VERSION_INFO;
    if (output === '') {
      ctx.out(`Client Version: ${CLIENT_VERSION.gitVersion}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`);
      if (!clientOnly) ctx.out(`Server Version: ${SERVER_VERSION_INFO.gitVersion}\n`);
    } else if (output === 'yaml') ctx.out(`${marshalYaml(info)}\n`);
    else ctx.out(`${JSON.stringify(info, null, 2)}\n`);
    return 0;
  },
};
