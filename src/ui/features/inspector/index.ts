// Mount point of the inspector. ObjectSummary is a placeholder the inspector replaces.
export { ObjectSummary as InspectorPane } from './ObjectSummary';
