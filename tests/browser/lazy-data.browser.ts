// The worker's data chunk (schema, Go facts, help texts, completion scripts) is loaded at boot in the
// built app: commands that read it work from the first prompt (see src/worker/lazy-data.ts).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openApp, run } from './harness';

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

describe('lazy data in the built worker', () => {
  it('serves help, completion and explain (schema with enums) from the data chunk', async () => {
    const { page, errors, close } = await openApp(browser, baseUrl);
    const cases = [
      { name: 'help text', command: 'kubectl create deployment --help | head -1', want: /^Create a deployment with the specified name\.\n$/ },
      { name: 'completion script', command: 'kubectl completion bash | head -2', want: /^\n# Copyright 2016 The Kubernetes Authors\.\n$/ },
      { name: 'explain (generated schema)', command: 'kubectl explain deployment.spec.replicas | grep FIELD', want: /^FIELD: replicas <integer>\n$/ },
      { name: 'explain enum (go-enums)', command: 'kubectl explain pod.spec.restartPolicy | grep -A1 ENUM', want: /^ENUM:\n\s+Always\n$/ },
    ];
    for (const c of cases) expect(await run(page, c.command), c.name).toMatch(c.want);
    expect(errors).toEqual([]);
    await close();
  });
});
