// Test helpers for controller unit tests (client-go fake clientset style). Not used by production code.
export { FakeApi, failWith, fakeClient, seededInformer } from './fake-api';
export type { Reactor } from './fake-api';
