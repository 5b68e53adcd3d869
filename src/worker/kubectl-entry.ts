// What the built worker's first chunk sees of kubectl: scripts/vite-lazy-data.ts points the worker's
// imports of src/kubectl/index.ts here. The commands themselves (src/kubectl/kubectl.ts and everything
// under it) arrive with the boot-time chunk (src/worker/lazy-data.ts), before the first command runs.
import type { runKubectl as RunKubectl } from '../kubectl/kubectl';

export { inProcessClient, minikubeKubeConfig } from '../kubectl/in-process';

let run: typeof RunKubectl | undefined;

/** Hands over kubectl's commands once their chunk has loaded. */
export function provideKubectl(impl: typeof RunKubectl): void {
  run = impl;
}

/** kubectl with its arguments (see src/kubectl/kubectl.ts runKubectl). */
export function runKubectl(...args: Parameters<typeof RunKubectl>): ReturnType<typeof RunKubectl> {
  if (!run) throw new Error('kubectl: its chunk has not loaded yet');
  return run(...args);
}
