// Models pkg/registry/discovery/endpointslice/strategy.go: generation starts at 1 and is bumped by
// any change besides metadata, or by a label change (the EndpointSlice controller's tracker
// compares generations to tell its own writes from others').
import type { KubeObject } from '../../api/types';
import { resourceFor } from '../../api/kinds';
import { deepEqual } from '../../api/meta';
import { makeStrategy, type Strategy } from './strategy';

const body = (o: KubeObject) => {
  const { metadata: _m, apiVersion: _a, kind: _k, ...rest } = o as KubeObject & Record<string, unknown>;
  return rest;
};

/** The EndpointSlice strategy. */
export const endpointSliceStrategy: Strategy = makeStrategy(resourceFor('discovery.k8s.io', 'endpointslices')!, {
  generation: true,
  generationChanged: (obj, old) => !deepEqual(body(obj), body(old)) || !deepEqual(obj.metadata?.labels ?? {}, old.metadata?.labels ?? {}),
});
