// The "pick the default class" rule shared by DefaultStorageClass and DefaultIngressClass.
// Models pkg/volume/util/storageclass.go GetDefaultClass and
// plugin/pkg/admission/network/defaultingressclass/admission.go getDefaultClass (kubernetes#110559).
import type { KubeObject } from '../../api';
import { parseTime } from '../../clock';

/**
 * Among the objects marked default, the newest by creationTimestamp wins, then the first by name; an
 * admin who adds a second default class therefore switches new claims to it at once.
 */
export function newestDefault<T extends KubeObject>(items: readonly T[], isDefault: (o: T) => boolean): T | undefined {
  const defaults = items.filter(isDefault);
  defaults.sort((x, y) => {
    const tx = parseTime(x.metadata?.creationTimestamp) ?? 0;
    const ty = parseTime(y.metadata?.creationTimestamp) ?? 0;
    if (tx !== ty) return ty - tx;
    const nx = x.metadata?.name ?? '';
    const ny = y.metadata?.name ?? '';
    return nx < ny ? -1 : nx > ny ? 1 : 0;
  });
  return defaults[0];
}
