// Admission errors. Models k8s.io/apiserver/pkg/admission/errors.go (NewForbidden, extractResourceName).
import { newForbidden, type StatusError } from '../../api';
import type { AdmissionAttributes } from './types';

/**
 * extractResourceName: the request's name, else the object's name, else its generateName (a create's
 * name is generated after the mutating phase), else "Unknown".
 */
export function resourceName(a: AdmissionAttributes): string {
  if (a.name) return a.name;
  const meta = a.object?.metadata;
  return meta?.name || meta?.generateName || 'Unknown';
}

/** admission.NewForbidden: `pods "x" is forbidden: <detail>`. */
export function admissionForbidden(a: AdmissionAttributes, detail: string): StatusError {
  return newForbidden(a.info, resourceName(a), detail);
}
