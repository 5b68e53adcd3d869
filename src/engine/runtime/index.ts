// engine/runtime: the simulated container runtime (Docker 27 behind cri-dockerd) of a node.
export type { ImageInfo, PullError, Mount, VolumeFS, ContainerConfig, HttpRequest, HttpResponse, ExecIO, ExitStatus,
  Container, ContainerEvents, ContainerRuntime } from './cri';
export { SimRuntime, createRuntime, MINIKUBE_PRELOADED } from './runtime';
export type { RuntimeOptions } from './runtime';
export { NO_NETWORK } from './network';
export type { PodNetwork, PodEndpoint, NetResult, ConnectResult, DnsAnswer } from './network';
export { ImageCatalog, defaultCatalog, DAEMON_ERROR_PREFIX } from './images/catalog';
export type { ResolvedImage } from './images/catalog';
export type { CatalogImage, ImageConfig, OsRelease, OsFlavor } from './images/catalog-types';
export { parseNormalizedNamed, familiarName, familiarString, referenceString, withDefaultTag, ReferenceError } from './images/reference';
export type { ImageReference } from './images/reference';
export { MemoryVolume } from './filesystem/memory-volume';
export { ContainerFS, FsError } from './filesystem/container-fs';
export { SimContainer } from './process/container';
export { containerArgv } from './process/command';
export { defaultEtcHosts, defaultResolvConf } from './process/resolver';
export { testRuntime, runContainer, execIn, execInteractive } from './test-support';
export type { TestRuntime, RunningContainer } from './test-support';
export { RecordStore, containerFiles, volumeFiles, mongoStore, postgresStore, mysqlStore } from './programs/databases/records';
export type { DataFiles, Row } from './programs/databases/records';
export { readRedisDump } from './programs/databases/redis';
export { programFor, programIds } from './programs/registry';
export type { Program, ProcCtx, Sys } from './process/context';
