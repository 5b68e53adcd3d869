// The `minikube` program of the learner's machine and the host hooks kubectl needs.
export { minikubeProgram, line, step, flagValue } from './minikube';
export type { MinikubeHost, MinikubeState } from './minikube';
export { AddonState, runAddons } from './addons';
export { runService, runTunnel, tableWriter, displayWidth } from './service';
export { enableMetricsServer, disableMetricsServer, METRICS_SERVER_IMAGE } from './metrics-server';
export { portForwardHook, forwardedPod, forwardedPodAlive } from './port-forward-host';
export { newMinikubeState } from './state';
