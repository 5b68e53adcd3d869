export type { ImageInfo, PullError, Mount, VolumeFS, ContainerConfig, HttpRequest, HttpResponse, ExecIO, ExitStatus,
  Container, ContainerEvents, ContainerRuntime } from './cri';
