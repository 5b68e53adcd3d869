// The manager a write is recorded under when the request names none. Models
// apiserver/pkg/endpoints/handlers/rest.go managerOrUserAgent and prefixFromUserAgent.

/** validation.FieldManagerMaxLength */
export const FIELD_MANAGER_MAX_LENGTH = 128;

/**
 * prefixFromUserAgent: the user agent up to its first "/", without unprintable characters, cut to
 * 128 bytes. kubectl's "kubectl/v1.32.0 (linux/amd64) kubernetes/…" gives "kubectl";
 * "kube-controller-manager/v1.32.0 (…)/system:serviceaccount:kube-system:replicaset-controller"
 * gives "kube-controller-manager".
 */
export function managerFromUserAgent(userAgent: string): string {
  const head = userAgent.split('/')[0];
  let out = '';
  let bytes = 0;
  for (const ch of head) {
    if (/\p{C}/u.test(ch) && ch !== ' ') continue;
    const n = new TextEncoder().encode(ch).length;
    if (bytes + n > FIELD_MANAGER_MAX_LENGTH) break;
    out += ch;
    bytes += n;
  }
  return out;
}
