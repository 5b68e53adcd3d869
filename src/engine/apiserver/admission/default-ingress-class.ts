// Models plugin/pkg/admission/network/defaultingressclass/admission.go.
import type { Ingress, IngressClass } from '../../api';
import { newestDefault } from './default-class';
import type { AdmissionPlugin } from './types';

/** The plugin's upstream name. */
export const NAME = 'DefaultIngressClass';
/** networkingv1.AnnotationIsDefaultIngressClass. */
export const IS_DEFAULT_INGRESS_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';
/** networkingv1beta1.AnnotationIngressClass: the legacy way of naming a class. */
const INGRESS_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

/**
 * A new Ingress that names no class (neither ingressClassName nor the legacy annotation) gets the
 * default IngressClass — on minikube with the ingress addon, "nginx".
 */
export const defaultIngressClass: AdmissionPlugin = {
  name: NAME,
  admit(a, ctx) {
    if (a.operation !== 'CREATE' || a.subresource || a.info.group !== 'networking.k8s.io' || a.info.kind !== 'Ingress' || !a.object) return;
    const ing = a.object as Ingress;
    if (ing.spec?.ingressClassName !== undefined && ing.spec.ingressClassName !== null) return;
    if (ing.metadata?.annotations?.[INGRESS_CLASS_ANNOTATION] !== undefined) return;
    const classes = ctx.list('networking.k8s.io', 'ingressclasses') as IngressClass[];
    const def = newestDefault(classes, (c) => c.metadata?.annotations?.[IS_DEFAULT_INGRESS_CLASS_ANNOTATION] === 'true');
    if (!def?.metadata?.name) return;
    (ing.spec ?? (ing.spec = {})).ingressClassName = def.metadata.name;
  },
};
