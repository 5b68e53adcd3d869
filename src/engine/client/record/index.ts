export { EventRecorder, referenceTo } from './recorder';
export type { EventSource } from './recorder';
export { EventsRecorder, SERIES_FINISH_MS, SERIES_REFRESH_MS } from './events';
export type { EventsRecorderOptions } from './events';
