// The page's door to the simulator: the connection and the protocol's types. The worker itself
// (worker.ts → host.ts) is loaded by URL and never imported by the page.
export { WorkerClient, createSimulatorWorker, prespawnSimulator, prespawnedOptions } from './client';
export type { ConnectionState, WorkerLike, WorkerClientOptions } from './client';
export { MIRRORED_RESOURCES, SPEEDS, HOME } from './protocol';
export type { ApiRequest, ApiResponse, KubeObject, MirroredResource, Speed, ClockState, BootOptions, FileEntry, MirrorChange,
  Completion, CompletionCandidate, FileOp, FileResult, CrashMode, ToWorker, FromWorker, SchedulingAttempt, NodeVerdict, DemoTimings,
  NodePowerAction, StreamSource, HttpResult } from './protocol';
