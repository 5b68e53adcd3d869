// Which process a container runs, and how Docker/runc word the failure to start it.
// - argv: Kubernetes' command/args over the image's ENTRYPOINT/CMD (Docker's merge in daemon
//   create.go: an explicit entrypoint drops the image's CMD) — the table in the Kubernetes docs
//   "Define a Command and Arguments for a Container".
// - lookup: runc's exec.LookPath on the container's PATH (libcontainer/standard_init_linux.go).
// - errors: dockerd 27 (runc 1.2) start and exec error texts, as cri-dockerd passes them on.
import type { ImageConfig } from '../images/catalog-types';
import type { ExecTarget } from './context';

/** The argv a container starts with (may be empty: Docker then refuses to create it). */
export function containerArgv(image: ImageConfig, command?: string[], args?: string[]): string[] {
  const hasCommand = !!command && command.length > 0;
  const hasArgs = !!args && args.length > 0;
  if (hasCommand) return [...command!, ...(args ?? [])];
  const entrypoint = image.entrypoint ?? [];
  if (hasArgs) return [...entrypoint, ...args!];
  return [...entrypoint, ...(image.cmd ?? [])];
}

/** Why argv[0] cannot be executed: runc's error text after `exec: "<name>": `. */
export function execFailure(name: string, found: ExecTarget | undefined, isDir: boolean): string | undefined {
  if (found && !isDir) return undefined;
  if (name.includes('/')) {
    if (isDir) return `exec: "${name}": is a directory`;
    return `exec: "${name}": stat ${name}: no such file or directory`;
  }
  return `exec: "${name}": executable file not found in $PATH`;
}

/**
 * containerStatuses[].lastState.terminated.message (Docker's State.Error) when the process cannot
 * be started, e.g. `failed to create task for container: failed to create shim task: OCI runtime
 * create failed: runc create failed: unable to start container process: error during container
 * init: exec: "foo": executable file not found in $PATH: unknown`.
 */
export function startErrorState(reason: string): string {
  return `failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${reason}: unknown`;
}

/** The kubelet's `Error: …` event text for a failed StartContainer (cri-dockerd core/container_start.go). */
export function startErrorEvent(containerId: string, state: string): string {
  return `failed to start container "${containerId}": Error response from daemon: ${state}`;
}

/** What `kubectl exec` prints when the command cannot be run (dockerd writes it to the exec's stdout). */
export function execErrorOutput(reason: string): string {
  return `OCI runtime exec failed: exec failed: unable to start container process: ${reason}: unknown\r\n`;
}

/** The exit code of an exec that could not start (docker exec's 126). */
export const EXEC_START_FAILED = 126;

/** Docker's create error for an image with neither ENTRYPOINT nor CMD and no command given. */
export const NO_COMMAND_SPECIFIED = 'No command specified';
