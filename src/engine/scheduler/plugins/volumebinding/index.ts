// Filter plugin VolumeBinding (with Reserve and PreBind).
export { VolumeBinding, NAME, ERR_UNBOUND_IMMEDIATE, BIND_TIMEOUT_MS, create } from './volume-binding';
export { ERR_REASON_BIND_CONFLICT, ERR_REASON_NODE_CONFLICT, ERR_REASON_NOT_ENOUGH_SPACE, ERR_REASON_PV_NOT_EXIST, ANN_BIND_COMPLETED,
  ANN_SELECTED_NODE, isPVCFullyBound, getPodVolumeClaims } from './binder';
