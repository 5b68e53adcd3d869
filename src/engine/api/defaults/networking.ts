// networking.k8s.io/v1 defaults. Models pkg/apis/networking/v1/defaults.go.
// Ingress has no defaults in v1: pathType is required (the v1beta1 default ImplementationSpecific is gone),
// and ingressClassName comes from the DefaultIngressClass admission plugin, not from defaulting.
import { type Obj, child, objAt, objects, defaultPtr } from './util';

/** SetDefaults_NetworkPolicy (policyTypes [Ingress] plus Egress when egress rules exist) and SetDefaults_NetworkPolicyPort (TCP). */
export function defaultNetworkPolicy(np: Obj): void {
  const spec = child(np, 'spec');
  if (!Array.isArray(spec.policyTypes) || spec.policyTypes.length === 0) {
    const egress = Array.isArray(spec.egress) && spec.egress.length > 0;
    spec.policyTypes = egress ? ['Ingress', 'Egress'] : ['Ingress'];
  }
  for (const rule of [...objects(spec, 'ingress'), ...objects(spec, 'egress')]) {
    for (const port of objects(rule, 'ports')) defaultPtr(port, 'protocol', 'TCP');
  }
}

/** SetDefaults_IngressClass: parameters.scope Cluster when parameters are given without a scope. */
export function defaultIngressClass(ic: Obj): void {
  const params = objAt(objAt(ic, 'spec'), 'parameters');
  if (params) defaultPtr(params, 'scope', 'Cluster');
}
