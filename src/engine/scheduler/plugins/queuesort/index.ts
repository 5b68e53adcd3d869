// QueueSort plugin PrioritySort.
export { PrioritySort, NAME, create } from './priority-sort';
