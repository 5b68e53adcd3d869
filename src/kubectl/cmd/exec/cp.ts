// kubectl cp: files between the learner's machine and a container. Models
// k8s.io/kubectl/pkg/cmd/cp/cp.go (extractFileSpec, Validate, Run, checkDestinationIsDir, copyToPod,
// copyFromPod). kubectl streams a tar archive through exec (`tar cf - PATH`, `tar -xmf - -C DIR`);
// the simulated images have no tar, so the same exec'd transfer is done file by file with `cat`
// (deviation: tar's own messages, modes and owners are not reproduced, except the leading-"/" notice).
import type { Pod } from '../../../engine/api/types';
import type { Command, CmdContext } from '../../command';
import type { ParsedArgs } from '../../flags';
import { flagsFor } from '../../help/flag-defs';
import { CmdError } from '../../errors';
import { PODS, findOrDefaultContainer } from '../logs';
import { target } from '../../request-util';
import { execInPod } from './exec';

interface FileSpec {
  namespace?: string;
  pod?: string;
  file: string;
}

// extractFileSpec: [[namespace/]pod:]file/path.
function fileSpec(arg: string): FileSpec {
  const i = arg.indexOf(':');
  if (i === 0) throw new CmdError('error: filespec must match the canonical format: [[namespace/]pod:]file/path');
  if (i < 0) return { file: arg };
  const pieces = arg.slice(0, i).split('/');
  if (pieces.length > 2) throw new CmdError('error: filespec must match the canonical format: [[namespace/]pod:]file/path');
  return pieces.length === 2 ? { namespace: pieces[0], pod: pieces[1], file: arg.slice(i + 1) } : { pod: pieces[0], file: arg.slice(i + 1) };
}

const baseName = (p: string) => p.replace(/\/+$/, '').split('/').pop() ?? p;
const join = (a: string, b: string) => (a.endsWith('/') ? `${a}${b}` : `${a}/${b}`);

/** A command run in the pod's container, its output captured. */
async function run(ctx: CmdContext, pod: Pod, container: string, command: string[], input?: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const lines = input === undefined ? undefined : input.split('\n');
  if (lines && lines[lines.length - 1] === '') lines.pop();
  let i = 0;
  const code = await execInPod(ctx, pod, container, command,
    { stdin: !!lines, tty: false, readLine: lines ? async () => (i < lines.length ? lines[i++] : undefined) : undefined },
    (s) => { out += s; }, (s) => { err += s; });
  return { code, out, err };
}

async function podOf(ctx: CmdContext, spec: FileSpec): Promise<Pod> {
  const pod = await ctx.call<Pod>({ verb: 'get', ...target(PODS, spec.namespace ?? ctx.namespace, spec.pod) });
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') throw new CmdError(`error: cannot exec into a container in a completed pod; current phase is ${phase}`);
  return pod;
}

// copyFromPod: every file under the remote path, written below the local destination.
async function copyFromPod(ctx: CmdContext, p: ParsedArgs, src: FileSpec, dest: string): Promise<void> {
  const pod = await podOf(ctx, src);
  const container = findOrDefaultContainer(ctx, pod, p.flags.container as string, false);
  // GNU tar's notice for an absolute member name (kubectl sends tar's stderr to its stdout).
  if (src.file.startsWith('/')) ctx.out("tar: Removing leading `/' from member names\n");
  const fs = ctx.env.fs;
  if (!fs.write) throw new CmdError('error: the local filesystem is read-only');
  const copy = async (remote: string, local: string): Promise<void> => {
    const isDir = (await run(ctx, pod, container, ['test', '-d', remote])).code === 0;
    if (!isDir) {
      const r = await run(ctx, pod, container, ['cat', remote]);
      if (r.code !== 0) {
        ctx.out(`tar: ${remote.replace(/^\//, '')}: Cannot stat: No such file or directory\ntar: Exiting with failure status due to previous errors\n`);
        throw new CmdError('command terminated with exit code 2', 2);
      }
      fs.write!(local, r.out);
      return;
    }
    const ls = await run(ctx, pod, container, ['ls', '-A', remote]);
    for (const name of ls.out.split('\n').filter(Boolean)) await copy(join(remote, name), join(local, name));
  };
  await copy(src.file, dest);
}

// copyToPod: into DEST, or DEST/<base> when DEST is a directory in the container.
async function copyToPod(ctx: CmdContext, p: ParsedArgs, src: string, dest: FileSpec): Promise<void> {
  const fs = ctx.env.fs;
  if (fs.read(src) === undefined && !fs.isDir(src)) throw new CmdError(`error: ${src} doesn't exist in local filesystem`);
  const pod = await podOf(ctx, dest);
  const container = findOrDefaultContainer(ctx, pod, p.flags.container as string, false);
  let destFile = dest.file;
  if ((await run(ctx, pod, container, ['test', '-d', destFile])).code === 0) destFile = join(destFile, baseName(src));
  const put = async (local: string, remote: string): Promise<void> => {
    if (fs.isDir(local)) {
      await run(ctx, pod, container, ['mkdir', '-p', remote]);
      for (const e of fs.list(local)) await put(join(local, e), join(remote, e));
      return;
    }
    const r = await run(ctx, pod, container, ['sh', '-c', 'cat > "$0"', remote], fs.read(local) ?? '');
    if (r.code !== 0) {
      ctx.err(r.err.replace(/^sh: /, 'tar: '));
      throw new CmdError(`command terminated with exit code ${r.code === 1 ? 2 : r.code}`, 2);
    }
  };
  await put(src, destFile);
}

async function runCp(p: ParsedArgs, ctx: CmdContext): Promise<number> {
  if (p.args.length !== 2) throw new CmdError('error: source and destination are required');
  const src = fileSpec(p.args[0]);
  const dest = fileSpec(p.args[1]);
  if (src.pod && dest.pod) throw new CmdError('error: one of src or dest must be a local file specification');
  if (!src.file || !dest.file) throw new CmdError('error: filepath can not be empty');
  if (src.pod) await copyFromPod(ctx, p, src, dest.file);
  else if (dest.pod) await copyToPod(ctx, p, src.file, dest);
  else throw new CmdError('error: one of src or dest must be a remote file specification');
  return 0;
}

/** `kubectl cp <file-spec-src> <file-spec-dest>`. */
export const cpCommand: Command = {
  name: 'cp',
  short: 'Copy files and directories to and from containers',
  flags: flagsFor('cp'),
  run: runCp,
};
