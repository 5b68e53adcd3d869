export { SimClock, RunawayError } from './clock';
export type { Clock, Cancel, SimMillis, SimClockOptions } from './clock';
export { SeededRng, fnv1a32 } from './rng';
export type { Rng } from './rng';
export { NAME_ALPHABET, randomString, generateName, newUid, safeEncodeString } from './names';
export { rfc3339, rfc3339Micro, parseTime, DEFAULT_EPOCH } from './time';
