// Models k8s.io/apiserver/pkg/admission/chain.go: every plugin's Admit in order, then every Validate.
// The first error stops the chain.
import { ADMISSION_PLUGINS } from './plugins';
import type { AdmissionAttributes, AdmissionContext } from './types';

/** The mutating phase (chainAdmissionHandler.Admit). Upstream runs it before the strategy's PrepareForCreate. */
export function runMutatingAdmission(attrs: AdmissionAttributes, ctx: AdmissionContext): void {
  for (const p of ADMISSION_PLUGINS) p.admit?.(attrs, ctx);
}

/** The validating phase (chainAdmissionHandler.Validate). Upstream runs it after strategy validation. */
export function runValidatingAdmission(attrs: AdmissionAttributes, ctx: AdmissionContext): void {
  for (const p of ADMISSION_PLUGINS) p.validate?.(attrs, ctx);
}

/** Both phases back to back, for callers with no strategy step in between. */
export function runAdmission(attrs: AdmissionAttributes, ctx: AdmissionContext): void {
  runMutatingAdmission(attrs, ctx);
  runValidatingAdmission(attrs, ctx);
}
