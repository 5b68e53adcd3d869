export { controlPlaneManifests, staticPodFromManifest, mirrorPodOf, rfc3339NanoRandom } from './static-pods';
export type { ControlPlaneVersions } from './static-pods';
