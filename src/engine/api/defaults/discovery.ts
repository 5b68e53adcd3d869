// discovery.k8s.io/v1 defaults. Models pkg/apis/discovery/v1/defaults.go SetDefaults_EndpointPort.
import { type Obj, objects, defaultPtr } from './util';

/** Every EndpointSlice port gets name "" and protocol TCP when unset. */
export function defaultEndpointSlice(slice: Obj): void {
  for (const port of objects(slice, 'ports')) {
    defaultPtr(port, 'name', '');
    defaultPtr(port, 'protocol', 'TCP');
  }
}
