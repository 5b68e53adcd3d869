// What the inspector's buttons do: "Edit" turns the object into a manifest file in the editor;
// "Exec" opens a terminal tab running `kubectl exec -it` into the pod.
import { getConnection, ui, useCluster } from '../../store';
import { absPath, freshName, stripForEdit, writeFile } from '../editor';

type Any = Record<string, any>;

/** kubectl's words for an object: `deployments web -n shop`. */
export function kubectlTarget(resource: string, obj: Any): string {
  const ns = obj.metadata?.namespace;
  return `${resource} ${obj.metadata?.name}${ns ? ` -n ${ns}` : ''}`;
}

/** The file an object is edited in ("deployment-web.yaml"); an existing file with other content is not overwritten. */
export function editFileName(kind: string, name: string, text: string, files: ReadonlyMap<string, string>): string {
  const base = `${kind.toLowerCase()}-${name}.yaml`;
  if (!files.has(absPath(base)) || files.get(absPath(base)) === text) return base;
  return freshName(base, files);
}

/** Opens the object in the editor as a manifest (`kubectl get -o yaml` without the server's fields). */
export async function editObject(resource: string, kind: string, obj: Any): Promise<void> {
  let text = '';
  const s = getConnection().client.stream({ kind: 'command', line: `kubectl get ${kubectlTarget(resource, obj)} -o yaml` }, (d) => { text += d; });
  if ((await s.done) !== 0) throw new Error(text.trim());
  const manifest = stripForEdit(text);
  const path = absPath(editFileName(kind, obj.metadata?.name ?? 'object', manifest, useCluster.getState().files));
  await writeFile(path, manifest);
  ui.openFile(path);
}

/** The command the Exec button runs. */
export function execCommand(pod: Any, container?: string): string {
  const ns = pod.metadata?.namespace;
  return `kubectl exec -it ${pod.metadata?.name}${ns && ns !== 'default' ? ` -n ${ns}` : ''}${container ? ` -c ${container}` : ''} -- sh`;
}

/** Opens a terminal tab with a shell in the pod. */
export function execInto(pod: Any, container?: string): void {
  ui.newTab(execCommand(pod, container), `${pod.metadata?.name}`);
}
