// Models staging/src/k8s.io/apiserver/pkg/admission/plugin/namespace/lifecycle/admission.go (Lifecycle.Admit).
import { newForbidden, newNotFound, type Namespace } from '../../api';
import { admissionForbidden } from './errors';
import type { AdmissionAttributes, AdmissionContext, AdmissionPlugin } from './types';

/** The plugin's upstream name. */
export const NAME = 'NamespaceLifecycle';

/** metav1.NamespaceDefault, NamespaceSystem, NamespacePublic: never deletable. */
export const IMMORTAL_NAMESPACES: readonly string[] = ['default', 'kube-system', 'kube-public'];

/** v1.NamespaceTerminatingCause: the cause type on the Forbidden error. */
export const NAMESPACE_TERMINATING_CAUSE = 'NamespaceTerminating';

// localsubjectaccessreviews may always be created: a NotFound would leak which namespaces exist.
const ACCESS_REVIEW_RESOURCES = new Set(['localsubjectaccessreviews.authorization.k8s.io']);

const isNamespace = (a: AdmissionAttributes) => a.info.group === '' && a.info.kind === 'Namespace';

/**
 * Refuses deleting the immortal namespaces, any write into a namespace that does not exist
 * (`namespaces "x" not found`), and creates in a namespace being terminated.
 * Upstream this is a mutating plugin (it only implements Admit), so it refuses before any other plugin runs.
 */
export const namespaceLifecycle: AdmissionPlugin = {
  name: NAME,
  admit(a: AdmissionAttributes, ctx: AdmissionContext): void {
    if (a.operation === 'CONNECT') return; // the handler covers Create, Update and Delete only
    if (a.operation === 'DELETE' && isNamespace(a) && IMMORTAL_NAMESPACES.includes(a.name)) {
      throw newForbidden(a.info, a.name, 'this namespace may not be deleted');
    }
    if (!a.namespace && !isNamespace(a)) return; // cluster-scoped resources
    if (isNamespace(a)) return; // every operation on a namespace itself is allowed
    if (a.operation === 'DELETE') return; // deleting content is always allowed
    if (ACCESS_REVIEW_RESOURCES.has(`${a.info.resource}.${a.info.group}`)) return;
    // Deviation: no informer lag, so none of upstream's 50ms wait and live-lookup retry is needed.
    const ns = ctx.get('', 'namespaces', undefined, a.namespace ?? '') as Namespace | undefined;
    if (!ns) throw newNotFound({ group: '', resource: 'namespaces' }, a.namespace ?? '');
    if (a.operation === 'CREATE' && ns.status?.phase === 'Terminating') {
      const err = admissionForbidden(a, `unable to create new content in namespace ${a.namespace} because it is being terminated`);
      const details = err.status.details ?? (err.status.details = {});
      details.causes = [...(details.causes ?? []), {
        reason: NAMESPACE_TERMINATING_CAUSE, message: `namespace ${a.namespace} is being terminated`, field: 'metadata.namespace' }];
      throw err;
    }
  },
};
