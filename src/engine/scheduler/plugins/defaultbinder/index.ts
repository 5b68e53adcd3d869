// Bind plugin DefaultBinder.
export { DefaultBinder, NAME, create } from './default-binder';
