export { FakeRuntime, defaultProgram } from './fake-runtime';
export type { FakeProgram, FakeRuntimeOptions, FakeContainer } from './fake-runtime';
