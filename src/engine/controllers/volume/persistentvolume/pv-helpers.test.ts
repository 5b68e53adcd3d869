import { describe, expect, it } from 'vitest';
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from '../../../api';
import { accessModesKey, checkVolumeSatisfyClaim, findBestMatchForClaim, getDefaultClass, getPersistentVolumeClaimClass } from './pv-helpers';

const pv = (name: string, size: string, o: { modes?: string[]; cls?: string; labels?: Record<string, string>; phase?: string;
  claimRef?: { namespace: string; name: string; uid?: string } } = {}): PersistentVolume => ({
  metadata: { name, labels: o.labels }, status: { phase: o.phase ?? 'Available' },
  spec: { capacity: { storage: size }, accessModes: o.modes ?? ['ReadWriteOnce'], storageClassName: o.cls ?? 'manual', volumeMode: 'Filesystem',
    claimRef: o.claimRef },
});

const claim = (size: string, o: { modes?: string[]; cls?: string | null; selector?: Record<string, string> } = {}): PersistentVolumeClaim => ({
  metadata: { name: 'c', namespace: 'default', uid: 'u1' },
  spec: { resources: { requests: { storage: size } }, accessModes: o.modes ?? ['ReadWriteOnce'], volumeMode: 'Filesystem',
    ...(o.cls === null ? {} : { storageClassName: o.cls ?? 'manual' }), ...(o.selector ? { selector: { matchLabels: o.selector } } : {}) },
});

describe('findBestMatchForClaim', () => {
  const cases = [
    { name: 'the smallest volume large enough', pvs: [pv('a', '5Gi'), pv('b', '2Gi'), pv('c', '1Gi')], claim: claim('1500Mi'), want: 'b' },
    { name: 'none large enough', pvs: [pv('a', '1Gi')], claim: claim('2Gi'), want: undefined },
    { name: 'exact access modes beat a superset, even if larger', pvs: [pv('a', '1Gi', { modes: ['ReadWriteOnce', 'ReadOnlyMany'] }), pv('b', '5Gi')],
      claim: claim('1Gi'), want: 'b' },
    { name: 'a volume without a requested mode is skipped', pvs: [pv('a', '1Gi', { modes: ['ReadOnlyMany'] })], claim: claim('1Gi'), want: undefined },
    { name: 'another class is skipped', pvs: [pv('a', '1Gi', { cls: 'fast' })], claim: claim('1Gi'), want: undefined },
    { name: 'class "" matches only volumes without a class', pvs: [pv('a', '1Gi'), pv('b', '1Gi', { cls: '' })], claim: claim('1Gi', { cls: '' }), want: 'b' },
    { name: 'the selector filters by labels', pvs: [pv('a', '1Gi'), pv('b', '2Gi', { labels: { tier: 'db' } })],
      claim: claim('1Gi', { selector: { tier: 'db' } }), want: 'b' },
    { name: 'a volume pre-bound to another claim is skipped', pvs: [pv('a', '1Gi', { claimRef: { namespace: 'default', name: 'other' } }), pv('b', '3Gi')],
      claim: claim('1Gi'), want: 'b' },
    { name: 'a volume pre-bound to this claim wins', pvs: [pv('a', '1Gi'), pv('b', '3Gi', { claimRef: { namespace: 'default', name: 'c' } })],
      claim: claim('1Gi'), want: 'b' },
    { name: 'a Released volume is not available', pvs: [pv('a', '1Gi', { phase: 'Released' })], claim: claim('1Gi'), want: undefined },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(findBestMatchForClaim(c.claim, c.pvs, false)?.metadata?.name).toBe(c.want);
    });
  }

  it('with delayed binding only a pre-bound volume is taken', () => {
    expect(findBestMatchForClaim(claim('1Gi'), [pv('a', '1Gi')], true)).toBeUndefined();
  });
});

describe('checkVolumeSatisfyClaim (a claim naming its volume)', () => {
  const cases = [
    { name: 'fits', pv: pv('a', '1Gi'), claim: claim('1Gi'), want: undefined },
    { name: 'too small', pv: pv('a', '1Gi'), claim: claim('2Gi'), want: 'requested PV is too small' },
    { name: 'class', pv: pv('a', '1Gi', { cls: 'x' }), claim: claim('1Gi'), want: 'storageClassName does not match' },
    { name: 'modes', pv: pv('a', '1Gi', { modes: ['ReadOnlyMany'] }), claim: claim('1Gi'), want: 'incompatible accessMode' },
  ];
  for (const c of cases) it(c.name, () => expect(checkVolumeSatisfyClaim(c.pv, c.claim)).toBe(c.want));
});

describe('classes', () => {
  it('a claim without storageClassName has class ""', () => {
    expect(getPersistentVolumeClaimClass(claim('1Gi', { cls: null }))).toBe('');
  });

  it('the default class: the annotated one, the newest of several', () => {
    const sc = (name: string, at: string, def: boolean): StorageClass => ({ provisioner: 'p', metadata: { name, creationTimestamp: at,
      annotations: def ? { 'storageclass.kubernetes.io/is-default-class': 'true' } : {} } });
    expect(getDefaultClass([sc('a', '2025-01-15T09:00:00Z', false)])).toBeUndefined();
    expect(getDefaultClass([sc('standard', '2025-01-15T09:00:00Z', true), sc('b', '2025-01-15T09:10:00Z', false)])?.metadata?.name).toBe('standard');
    expect(getDefaultClass([sc('standard', '2025-01-15T09:00:00Z', true), sc('newer', '2025-01-15T09:10:00Z', true)])?.metadata?.name).toBe('newer');
  });

  it('access modes print in the canonical order', () => {
    expect(accessModesKey(['ReadWriteMany', 'ReadWriteOnce', 'ReadOnlyMany'])).toBe('RWO,ROX,RWX');
  });
});
