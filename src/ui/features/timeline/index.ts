// Mount point of the event timeline. EventList is a placeholder the timeline replaces.
export { EventList as TimelinePane } from './EventList';
