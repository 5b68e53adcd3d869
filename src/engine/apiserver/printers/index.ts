// apiserver/printers: the Table output (`kubectl get`) of every kind the API server serves.
export { toTable } from './table';
export type { TableOptions } from './table';
