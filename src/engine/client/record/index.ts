export { EventRecorder, referenceTo } from './recorder';
export type { EventSource } from './recorder';
