export { ImageManager, imageNameError } from './image-manager';
export type { EnsureResult, ContainerEventFn } from './image-manager';
