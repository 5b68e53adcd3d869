// The admission chain kubesim runs. Models pkg/kubeapiserver/options/plugins.go (v1.32): the
// default-on plugins of DefaultOffAdmissionPlugins, in AllOrderedPlugins order. Left out, each for a reason:
//  - PodSecurity: no namespace carries pod-security.kubernetes.io labels by default, and the default
//    level is privileged, so it admits everything a learner writes.
//  - RuntimeClass, CertificateApproval, CertificateSigning, ClusterTrustBundleAttest,
//    CertificateSubjectRestriction: they act on kinds kubesim does not serve.
//  - MutatingAdmissionPolicy, ValidatingAdmissionPolicy, Mutating/ValidatingAdmissionWebhook: no
//    policies or webhooks are served, so they admit everything.
//  - ResourceQuota: needs usage accounting and quota status updates; ResourceQuota objects are stored only.
import type { AdmissionPlugin } from './types';
import { namespaceLifecycle } from './namespace-lifecycle';
import { limitRanger } from './limit-ranger';
import { serviceAccount } from './service-account';
import { taintNodesByCondition } from './node-taint';
import { priority } from './priority';
import { defaultTolerationSeconds } from './default-toleration-seconds';
import { defaultStorageClass } from './default-storage-class';
import { storageObjectInUseProtection } from './storage-object-in-use-protection';
import { persistentVolumeClaimResize } from './persistent-volume-claim-resize';
import { defaultIngressClass } from './default-ingress-class';

/** The admission plugins in upstream order (AllOrderedPlugins). */
export const ADMISSION_PLUGINS: readonly AdmissionPlugin[] = [
  namespaceLifecycle,
  limitRanger,
  serviceAccount,
  taintNodesByCondition,
  priority,
  defaultTolerationSeconds,
  defaultStorageClass,
  storageObjectInUseProtection,
  persistentVolumeClaimResize,
  defaultIngressClass,
];
