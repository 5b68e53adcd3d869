// Shared by the volume controllers (pkg/controller/volume/common).
export { POD_PVC_INDEX, addPodPVCIndexer, podPVCIndexFunc, ephemeralVolumeClaimName, isPodTerminated } from './pod-pvc-index';
