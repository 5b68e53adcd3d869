// Strategies of the core, apps, batch, networking and storage kinds besides Pod.
// Models pkg/registry/<group>/<resource>/strategy.go of each; status shapes follow the Go
// structs' JSON (a non-pointer empty struct prints as {}, fields without omitempty print as 0).
import type { KubeObject, Namespace, Node, Secret } from '../../api/types';
import { resourceFor } from '../../api/kinds';
import { makeStrategy, type Strategy } from './strategy';
import { generateJobSelector } from '../../api/validation';
import type { Job } from '../../api/types';

const info = (group: string, resource: string) => resourceFor(group, resource)!;
const setStatus = (status: Record<string, unknown>) => (obj: KubeObject) => {
  obj.status = structuredClone(status);
};
const keepStatus = (obj: KubeObject, old: KubeObject) => {
  if (old.status === undefined) delete obj.status;
  else obj.status = old.status;
};

/** The label every namespace carries with its own name (namespace strategy, since v1.21). */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';
const labelNamespace = (obj: KubeObject) => {
  const name = obj.metadata?.name;
  if (!name) return;
  obj.metadata = { ...obj.metadata, labels: { ...(obj.metadata?.labels ?? {}), [NAMESPACE_NAME_LABEL]: name } };
};

/** Models pkg/registry/core/namespace/strategy.go. */
export const namespaceStrategy: Strategy = makeStrategy(info('', 'namespaces'), {
  generation: false,
  prepareForCreate(obj) {
    const ns = obj as Namespace;
    ns.spec = { finalizers: ['kubernetes'] };
    ns.status = { phase: 'Active' };
    labelNamespace(obj);
  },
  prepareForUpdate(obj, old) {
    const ns = obj as Namespace;
    ns.spec = (old as Namespace).spec;
    ns.status = (old as Namespace).status;
    labelNamespace(obj);
  },
  fieldLabels: (obj) => ({ 'status.phase': (obj as Namespace).status?.phase ?? '' }),
});

/** Models pkg/registry/core/node/strategy.go: a node may carry its status from creation. */
export const nodeStrategy: Strategy = makeStrategy(info('', 'nodes'), {
  generation: false,
  prepareForCreate: undefined,
  prepareForUpdate: keepStatus,
  fieldLabels: (obj) => ({ 'spec.unschedulable': String((obj as Node).spec?.unschedulable ?? false) }),
});

/** Models pkg/registry/core/service/strategy.go. */
export const serviceStrategy: Strategy = makeStrategy(info('', 'services'), {
  generation: false,
  prepareForCreate: setStatus({ loadBalancer: {} }),
  prepareForUpdate: keepStatus,
});

/** Models pkg/registry/core/persistentvolumeclaim/strategy.go. */
export const pvcStrategy: Strategy = makeStrategy(info('', 'persistentvolumeclaims'), {
  generation: false,
  prepareForCreate: setStatus({ phase: 'Pending' }),
  prepareForUpdate: keepStatus,
});

/**
 * Models pkg/registry/core/persistentvolume/strategy.go: a new PV is Pending; with
 * PersistentVolumeLastPhaseTransitionTime (GA in v1.31) status.lastPhaseTransitionTime is set at
 * creation and whenever a status write changes the phase without giving a newer time.
 */
export const pvStrategy: Strategy = makeStrategy(info('', 'persistentvolumes'), {
  generation: false,
  prepareForCreate(obj, ctx) {
    obj.status = { phase: 'Pending', lastPhaseTransitionTime: ctx.nowTime() };
  },
  prepareForUpdate: keepStatus,
  prepareForStatusUpdate(obj, old, ctx) {
    const st = { ...((obj.status ?? {}) as Record<string, unknown>) };
    const prev = (old.status ?? {}) as Record<string, unknown>;
    if (prev.phase === st.phase && st.lastPhaseTransitionTime === undefined) {
      if (prev.lastPhaseTransitionTime !== undefined) st.lastPhaseTransitionTime = prev.lastPhaseTransitionTime;
    } else if (prev.phase !== st.phase && (st.lastPhaseTransitionTime === undefined || st.lastPhaseTransitionTime === prev.lastPhaseTransitionTime)) {
      st.lastPhaseTransitionTime = ctx.nowTime();
    }
    obj.status = st;
  },
});

/** Models pkg/registry/core/secret/strategy.go (field label `type`). */
export const secretStrategy: Strategy = makeStrategy(info('', 'secrets'), {
  fieldLabels: (obj) => ({ type: (obj as Secret).type ?? '' }),
});

/** Models pkg/registry/core/event/strategy.go (many selectable fields; create-on-update). */
export const eventStrategy: Strategy = makeStrategy(info('', 'events'), {
  allowCreateOnUpdate: true,
  fieldLabels(obj) {
    const e = obj as Record<string, any>;
    const io = e.involvedObject ?? {};
    return {
      'involvedObject.kind': io.kind ?? '', 'involvedObject.namespace': io.namespace ?? '',
      'involvedObject.name': io.name ?? '', 'involvedObject.uid': io.uid ?? '',
      'involvedObject.apiVersion': io.apiVersion ?? '', 'involvedObject.resourceVersion': io.resourceVersion ?? '',
      'involvedObject.fieldPath': io.fieldPath ?? '', reason: e.reason ?? '', reportingComponent: e.reportingComponent ?? '',
      source: e.source?.component ?? '', type: e.type ?? '',
    };
  },
});

/** Endpoints and Leases are written with create-on-update semantics by their owners. */
export const endpointsStrategy: Strategy = makeStrategy(info('', 'endpoints'), { allowCreateOnUpdate: true });
export const leaseStrategy: Strategy = makeStrategy(info('coordination.k8s.io', 'leases'), { allowCreateOnUpdate: true });

const withGenerationAndStatus = (group: string, resource: string, status: Record<string, unknown>,
  extra: Partial<Strategy> = {}): Strategy =>
  makeStrategy(info(group, resource), {
    generation: true,
    prepareForCreate: setStatus(status),
    prepareForUpdate: keepStatus,
    ...extra,
  });

export const deploymentStrategy = withGenerationAndStatus('apps', 'deployments', {});
export const replicaSetStrategy = withGenerationAndStatus('apps', 'replicasets', { replicas: 0 }, {
  fieldLabels: (obj) => ({ 'status.replicas': String((obj.status as { replicas?: number })?.replicas ?? 0) }),
});
export const statefulSetStrategy = withGenerationAndStatus('apps', 'statefulsets', { replicas: 0, availableReplicas: 0 });
/** apps/v1 carries the internal spec.templateGeneration in this annotation (the DaemonSet controller labels pods with it). */
const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';
/**
 * Models pkg/registry/apps/daemonset/strategy.go: templateGeneration starts at 1 (or what the client
 * sent, if larger) and goes up by one whenever the pod template changes; clients cannot change it.
 */
export const daemonSetStrategy = withGenerationAndStatus('apps', 'daemonsets',
  { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 }, {
    prepareForCreate(obj) {
      obj.status = { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 };
      const sent = Number(obj.metadata?.annotations?.[TEMPLATE_GENERATION_ANNOTATION]);
      const gen = Number.isInteger(sent) && sent >= 1 ? sent : 1;
      obj.metadata = { ...obj.metadata, annotations: { ...(obj.metadata?.annotations ?? {}), [TEMPLATE_GENERATION_ANNOTATION]: String(gen) } };
    },
    prepareForUpdate(obj, old) {
      keepStatus(obj, old);
      const prev = Number(old.metadata?.annotations?.[TEMPLATE_GENERATION_ANNOTATION]) || 1;
      const gen = JSON.stringify(obj.spec?.template) === JSON.stringify(old.spec?.template) ? prev : prev + 1;
      obj.metadata = { ...obj.metadata, annotations: { ...(obj.metadata?.annotations ?? {}), [TEMPLATE_GENERATION_ANNOTATION]: String(gen) } };
    },
  });
/** Models pkg/registry/batch/job/strategy.go: the registry generates the selector and pod labels. */
export const jobStrategy = withGenerationAndStatus('batch', 'jobs', {}, {
  prepareForCreate(obj) {
    obj.status = {};
    generateJobSelector(obj as Job);
  },
  fieldLabels: (obj) => ({ 'status.successful': String((obj.status as { succeeded?: number })?.succeeded ?? 0) }),
});
export const cronJobStrategy = withGenerationAndStatus('batch', 'cronjobs', {});
export const hpaStrategy = withGenerationAndStatus('autoscaling', 'horizontalpodautoscalers', { desiredReplicas: 0 });
export const ingressStrategy = withGenerationAndStatus('networking.k8s.io', 'ingresses', { loadBalancer: {} });
export const rcStrategy = withGenerationAndStatus('', 'replicationcontrollers', { replicas: 0 }, {
  fieldLabels: (obj) => ({ 'status.replicas': String((obj.status as { replicas?: number })?.replicas ?? 0) }),
});
