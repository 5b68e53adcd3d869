// The inspector: the selected object's overview, YAML, describe text, events, and a pod's logs and exec.
export { InspectorPane, InspectorBody } from './InspectorPane';
export { execCommand, editFileName, kubectlTarget } from './actions';
