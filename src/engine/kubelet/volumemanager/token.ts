// The bound service account token the kubelet writes into projected volumes (kube-api-access-*).
// Models the claims of pkg/serviceaccount/claims.go; the signature is random bytes: nothing in the
// simulator verifies it.
import type { Pod } from '../../api/types';
import type { Rng } from '../../clock';

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function b64url(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomB64url(rng: Rng, n: number): string {
  // Joined, not concatenated: 342 `+=` would leave a chain of 342 string pieces behind.
  const s: string[] = [];
  // Five characters (30 bits) per draw: a 342-character RS256 signature costs 69 draws.
  while (s.length < n) {
    let x = Math.floor(rng.next() * 0x40000000);
    for (let k = 0; k < 5 && s.length < n; k++) {
      s.push(B64URL[x & 63]);
      x >>>= 6;
    }
  }
  return s.join('');
}

/** Issuer and audience of minikube's API server (--service-account-issuer). */
export const TOKEN_ISSUER = 'https://kubernetes.default.svc.cluster.local';

/** A JWT with the claims a v1.32 bound token carries. */
export function serviceAccountToken(rng: Rng, pod: Pod, nodeName: string, nowMs: number, audience: string | undefined,
  expirationSeconds: number, kid: string): string {
  const iat = Math.floor(nowMs / 1000);
  const m = pod.metadata ?? {};
  const header = { alg: 'RS256', kid };
  const payload = {
    aud: [audience ?? TOKEN_ISSUER],
    exp: iat + expirationSeconds,
    iat,
    iss: TOKEN_ISSUER,
    jti: `${randomB64url(rng, 8)}`,
    'kubernetes.io': {
      namespace: m.namespace,
      node: { name: nodeName },
      pod: { name: m.name, uid: m.uid },
      serviceaccount: { name: pod.spec?.serviceAccountName ?? 'default' },
      warnafter: iat + 3607,
    },
    nbf: iat,
    sub: `system:serviceaccount:${m.namespace}:${pod.spec?.serviceAccountName ?? 'default'}`,
  };
  return `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.${randomB64url(rng, 342)}`;
}

/** token_manager.go maxTTL: a token older than this is always renewed. */
const MAX_TTL_MS = 24 * 3600_000;

/**
 * The kubelet's token manager (pkg/kubelet/token/token_manager.go): a pod's token for an audience and
 * expiration is reused until 80 % of its lifetime has passed (or 24 h), so a projected token volume
 * keeps its content between syncs. Expired entries are dropped at most once a minute (its cleanup loop).
 */
export class TokenManager {
  private readonly tokens = new Map<string, { token: string; iat: number; ttlMs: number }>();
  private lastCleanup = 0;

  /** The cached token for the key, or a new one from `mint`. */
  get(key: string, nowMs: number, expirationSeconds: number, mint: () => string): string {
    if (nowMs - this.lastCleanup >= 60_000) {
      this.lastCleanup = nowMs;
      for (const [k, t] of this.tokens) if (nowMs >= t.iat + t.ttlMs) this.tokens.delete(k);
    }
    const cur = this.tokens.get(key);
    if (cur && nowMs < cur.iat + cur.ttlMs * 0.8 && nowMs < cur.iat + MAX_TTL_MS) return cur.token;
    const token = mint();
    this.tokens.set(key, { token, iat: nowMs, ttlMs: expirationSeconds * 1000 });
    return token;
  }
}

