// One preview server for every browser test file.
import type { TestProject } from 'vitest/node';
import { startPreview } from './preview';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const preview = await startPreview();
  project.provide('baseUrl', preview.url);
  return () => preview.stop();
}
