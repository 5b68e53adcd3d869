// JSON patch (RFC 6902) with evanphx/json-patch v4's semantics and error texts.
import { describe, expect, it } from 'vitest';
import { jsonPatch } from './json-patch';
import { PatchError, GENERIC_INVALID_MESSAGE } from './patch-errors';
import { StatusError } from '../errors';

const pod = () => ({
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: { containers: [{ name: 'a', image: 'nginx' }, { name: 'b', image: 'busybox' }] },
});

describe('jsonPatch', () => {
  const ok = [
    { name: 'add a label', ops: [{ op: 'add', path: '/metadata/labels/tier', value: 'fe' }],
      check: (r: any) => expect(r.metadata.labels).toEqual({ app: 'web', tier: 'fe' }) },
    { name: 'add replaces an existing key', ops: [{ op: 'add', path: '/metadata/labels/app', value: 'x' }],
      check: (r: any) => expect(r.metadata.labels.app).toBe('x') },
    { name: 'add appends with -', ops: [{ op: 'add', path: '/spec/containers/-', value: { name: 'c' } }],
      check: (r: any) => expect(r.spec.containers.map((c: any) => c.name)).toEqual(['a', 'b', 'c']) },
    { name: 'add inserts at an index', ops: [{ op: 'add', path: '/spec/containers/1', value: { name: 'c' } }],
      check: (r: any) => expect(r.spec.containers.map((c: any) => c.name)).toEqual(['a', 'c', 'b']) },
    { name: 'negative indices count from the end', ops: [{ op: 'remove', path: '/spec/containers/-1' }],
      check: (r: any) => expect(r.spec.containers.map((c: any) => c.name)).toEqual(['a']) },
    { name: 'remove a key', ops: [{ op: 'remove', path: '/metadata/labels/app' }],
      check: (r: any) => expect(r.metadata.labels).toEqual({}) },
    { name: 'replace an image', ops: [{ op: 'replace', path: '/spec/containers/0/image', value: 'nginx:1.27' }],
      check: (r: any) => expect(r.spec.containers[0].image).toBe('nginx:1.27') },
    { name: 'replace of a missing object key adds it (v4 quirk)', ops: [{ op: 'replace', path: '/metadata/labels/new', value: 'v' }],
      check: (r: any) => expect(r.metadata.labels.new).toBe('v') },
    { name: 'move', ops: [{ op: 'move', from: '/metadata/labels/app', path: '/metadata/labels/name' }],
      check: (r: any) => expect(r.metadata.labels).toEqual({ name: 'web' }) },
    { name: 'copy', ops: [{ op: 'copy', from: '/spec/containers/0', path: '/spec/containers/-' }],
      check: (r: any) => expect(r.spec.containers[2]).toEqual({ name: 'a', image: 'nginx' }) },
    { name: 'test then replace', ops: [{ op: 'test', path: '/metadata/name', value: 'web' }, { op: 'replace', path: '/metadata/name', value: 'x' }],
      check: (r: any) => expect(r.metadata.name).toBe('x') },
    { name: 'test of a missing key against null passes', ops: [{ op: 'test', path: '/metadata/namespace', value: null }],
      check: (r: any) => expect(r.metadata.name).toBe('web') },
    { name: '~1 and ~0 decode to / and ~', ops: [{ op: 'add', path: '/metadata/labels/app.kubernetes.io~1name', value: 'x' }],
      check: (r: any) => expect(r.metadata.labels['app.kubernetes.io/name']).toBe('x') },
    { name: 'a null patch changes nothing', ops: null, check: (r: any) => expect(r).toEqual(pod()) },
  ];
  it.each(ok)('$name', ({ ops, check }) => {
    const target = pod();
    check(jsonPatch(target, ops));
    expect(target).toEqual(pod()); // the target is not mutated
  });

  const failures = [
    { name: 'a failed test', ops: [{ op: 'test', path: '/metadata/name', value: 'other' }],
      detail: 'testing value /metadata/name failed: test failed' },
    { name: 'add under a missing parent', ops: [{ op: 'add', path: '/metadata/annotations/a', value: 'x' }],
      detail: 'add operation does not apply: doc is missing path: "/metadata/annotations/a": missing value' },
    { name: 'remove a missing key', ops: [{ op: 'remove', path: '/metadata/labels/nope' }],
      detail: "error in remove for path: '/metadata/labels/nope': Unable to remove nonexistent key: nope: missing value" },
    { name: 'replace past the end of a list', ops: [{ op: 'replace', path: '/spec/containers/5', value: {} }],
      detail: 'replace operation does not apply: doc is missing key: /spec/containers/5: missing value' },
    { name: 'add past the end of a list', ops: [{ op: 'add', path: '/spec/containers/3', value: {} }],
      detail: "error in add for path: '/spec/containers/3': Unable to access invalid index: 3: invalid index referenced" },
    { name: 'a non-numeric list index', ops: [{ op: 'add', path: '/spec/containers/x', value: {} }],
      detail: "error in add for path: '/spec/containers/x': value was not a proper array index: 'x': strconv.Atoi: parsing \"x\": invalid syntax" },
    { name: 'an unknown op', ops: [{ op: 'frob', path: '/a' }], detail: 'Unexpected kind: frob' },
    { name: 'a missing path', ops: [{ op: 'add', value: 1 }], detail: 'add operation failed to decode path: missing value' },
    { name: 'move from a missing path', ops: [{ op: 'move', from: '/x/y', path: '/z' }],
      detail: 'move operation does not apply: doc is missing from path: /x/y: missing value' },
  ];
  it.each(failures)('fails: $name (422, generic message)', ({ ops, detail }) => {
    let err: unknown;
    try {
      jsonPatch(pod(), ops);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PatchError);
    const pe = err as PatchError;
    expect(pe.detail).toBe(detail);
    expect(pe.status).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: GENERIC_INVALID_MESSAGE,
      reason: 'Invalid', details: {}, code: 422 });
  });

  it('a body that is not a list of operations is a 400 with the json decoder text', () => {
    expect(() => jsonPatch(pod(), { op: 'add' })).toThrow('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
    expect(() => jsonPatch(pod(), ['x'])).toThrow('json: cannot unmarshal string into Go value of type jsonpatch.Operation');
    try {
      jsonPatch(pod(), 5);
    } catch (e) {
      expect((e as StatusError).code).toBe(400);
      expect((e as StatusError).reason).toBe('BadRequest');
    }
  });

  it('more than 10000 operations is a 413', () => {
    const ops = Array.from({ length: 10001 }, () => ({ op: 'test', path: '/metadata/name', value: 'web' }));
    try {
      jsonPatch(pod(), ops);
      expect.unreachable();
    } catch (e) {
      expect((e as StatusError).code).toBe(413);
      expect((e as StatusError).message).toBe('Request entity too large: The allowed maximum operations in a JSON patch is 10000, got 10001');
    }
  });
});
