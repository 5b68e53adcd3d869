// Template and revision hashes: the `pod-template-hash` of a Deployment's ReplicaSets and the
// `controller-revision-hash` of StatefulSet and DaemonSet ControllerRevisions.
// Models pkg/controller/controller_utils.go ComputeHash and pkg/controller/history/controller_history.go
// (HashControllerRevision, ControllerRevisionName).
import type { PodTemplateSpec } from '../../api';
import { safeEncodeString } from '../../clock';

const encoder = new TextEncoder();

/** FNV-1a, 32 bits, over bytes (hash/fnv New32a). */
export function fnv32a(bytes: Uint8Array, h = 0x811c9dc5): number {
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i];
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** FNV-1, 32 bits, over bytes (hash/fnv New32: multiply, then xor). */
export function fnv32(bytes: Uint8Array, h = 0x811c9dc5): number {
  for (let i = 0; i < bytes.length; i++) {
    h = Math.imul(h, 0x01000193) >>> 0;
    h = (h ^ bytes[i]) >>> 0;
  }
  return h >>> 0;
}

/** JSON with object keys sorted at every level: a stable text of a plain JSON value. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
}

/**
 * ComputeHash: the pod-template-hash of a template and the Deployment's collisionCount.
 * Upstream hashes (FNV-1a) the template as Go's spew printer writes it, then the collision count as
 * 8 little-endian bytes, and encodes the decimal value with SafeEncodeString.
 * Deviation: Go's printer cannot be reproduced, so we hash the template's canonical JSON instead;
 * the values differ from a real cluster's, but keep their shape (up to 10 characters of
 * "bcdfghjklmnpqrstvwxz2456789") and their stability (same template, same hash).
 */
export function computeHash(template: PodTemplateSpec, collisionCount?: number | null): string {
  let h = fnv32a(encoder.encode(canonicalJson(template)));
  if (collisionCount !== undefined && collisionCount !== null) {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setUint32(0, collisionCount >>> 0, true);
    h = fnv32a(b, h);
  }
  return safeEncodeString(String(h));
}

/**
 * HashControllerRevision: FNV-1 (not 1a) over the revision's raw data (its JSON bytes), then the
 * decimal probe (collision count) if any, encoded with SafeEncodeString. Matches upstream when the
 * raw JSON matches byte for byte.
 */
export function hashControllerRevision(rawData: string, probe?: number | null): string {
  let h = fnv32(encoder.encode(rawData));
  if (probe !== undefined && probe !== null) h = fnv32(encoder.encode(String(probe)), h);
  return safeEncodeString(String(h));
}

/** ControllerRevisionName: `<prefix>-<hash>`, the prefix cut to 223 characters so the name fits 253. */
export function controllerRevisionName(prefix: string, hash: string): string {
  return `${prefix.length > 223 ? prefix.slice(0, 223) : prefix}-${hash}`;
}
