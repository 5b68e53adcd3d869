export { useCluster, useObjects, objectKey, applySnapshot, applyBatches, applyFiles } from './cluster-store';
export type { ClusterState, ObjectMap } from './cluster-store';
export { Connection, getConnection } from './connection';
export { bootParams } from './boot-params';
export type { TerminalHandlers } from './connection';
export { useUi, ui, defaultSizes, takeTabCommand } from './ui-store';
export type { Theme, Selection, TerminalTab, PaneSizes, UiState } from './ui-store';
export { useSimNow, extrapolate } from './sim-time';
