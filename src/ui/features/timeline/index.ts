// The event timeline: events on the simulated time axis, filtered, each explained in plain words.
export { Timeline as TimelinePane } from './Timeline';
export { explainEvent, actorOf, eventTime } from './explain-event';
export type { EventLike, EventExplanation, EventContext } from './explain-event';
export { filterEvents, facets, NO_FILTER } from './filter';
export type { EventFilter } from './filter';
