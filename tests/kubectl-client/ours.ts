// Runs our kubectl in a fresh headless session, capturing stdout and stderr apart.
import { Session } from '../../src/server/session';
import { runKubectl, inProcessClient, minikubeKubeConfig } from '../../src/kubectl';

let session: Session | undefined;

/** Runs `kubectl <args>` against a shared fresh cluster; `files` are written to the learner's home first. */
export async function runOurs(args: readonly string[], opts: { stdin?: string; files?: Record<string, string> } = {}):
  Promise<{ stdout: string; stderr: string; code: number }> {
  session ??= new Session({ seed: 1 });
  for (const [name, text] of Object.entries(opts.files ?? {})) session.fs.write(name, text);
  let stdout = '';
  let stderr = '';
  const env = { api: inProcessClient(session.cluster.api), fs: session.fs, config: minikubeKubeConfig(),
    now: () => session!.cluster.clock.now() };
  const code = await runKubectl(args, env, { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; }, stdin: opts.stdin });
  return { stdout, stderr, code };
}
