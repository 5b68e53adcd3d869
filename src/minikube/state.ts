// A fresh minikube profile state for a session (the cluster runs; `minikube start` has not been typed).
import { AddonState } from './addons';
import type { MinikubeState } from './minikube';

/** The state a session starts with. */
export function newMinikubeState(): MinikubeState {
  return { started: false, stopped: false, deleted: false, addons: new AddonState() };
}
