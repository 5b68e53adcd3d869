// apiserver/admission: the admission plugins a learner's objects pass through, in upstream order.
export type { AdmissionAttributes, AdmissionContext, AdmissionPlugin } from './types';
export { ADMISSION_PLUGINS } from './plugins';
export { runAdmission, runMutatingAdmission, runValidatingAdmission } from './chain';
export { IMMORTAL_NAMESPACES } from './namespace-lifecycle';
export { LIMIT_RANGER_ANNOTATION } from './limit-ranger';
export { DEFAULT_SERVICE_ACCOUNT_NAME, DEFAULT_API_TOKEN_MOUNT_PATH, SERVICE_ACCOUNT_VOLUME_NAME, tokenVolumeSource } from './service-account';
export { TAINT_NODE_NOT_READY } from './node-taint';
export { DEFAULT_TOLERATION_SECONDS } from './default-toleration-seconds';
export { PVC_PROTECTION_FINALIZER, PV_PROTECTION_FINALIZER } from './storage-object-in-use-protection';
export { IS_DEFAULT_STORAGE_CLASS_ANNOTATION } from './default-storage-class';
export { IS_DEFAULT_INGRESS_CLASS_ANNOTATION } from './default-ingress-class';
