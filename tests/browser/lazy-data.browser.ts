// The worker's data chunks in the built app (see src/worker/lazy-data.ts, scripts/vite-lazy-data.ts):
// the boot chunk (schema shapes, Go facts, kubectl) is loaded before the first prompt; kubectl's help
// texts, its completion scripts, the schema's descriptions and explain's renderer are chunks fetched only
// when a command or the editor first needs them. Each test starts a fresh page, so each on-demand path is the first user.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { basename } from 'node:path';
import { launch, run, waitForTerminal } from './harness';

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

// The on-demand chunks: help texts, completion scripts, the schema's descriptions, explain's renderer.
const ON_DEMAND = /^(texts-chunk|completion-chunk|docs-chunk|explain)-/;

/** Opens the app as harness.openApp does, recording the on-demand chunks the page and its worker fetch. */
async function openRecording(): Promise<{ page: Page; errors: string[]; fetched: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, colorScheme: 'dark' });
  const fetched: string[] = [];
  context.on('request', (r) => {
    const m = ON_DEMAND.exec(basename(new URL(r.url()).pathname));
    if (m) fetched.push(m[1]);
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${baseUrl}?seed=7`);
  await page.waitForSelector('html[data-interactive="true"]', { timeout: 30_000 });
  await page.click('.terminal-host:not([hidden])');
  return { page, errors, fetched, close: () => context.close() };
}

describe('lazy data in the built worker', () => {
  it('boots and runs the cluster without the on-demand chunks, then serves help, completion and explain from them', async () => {
    const { page, errors, fetched, close } = await openRecording();
    expect(await run(page, 'kubectl get nodes')).toMatch(/^NAME\s+STATUS[\s\S]*minikube\s+Ready/);
    expect(await run(page, 'kubectl create deployment web --image=nginx')).toBe('deployment.apps/web created\n');
    expect(fetched, 'nothing on demand before first use').toEqual([]);
    const cases = [
      { name: 'help text', command: 'kubectl create deployment --help | head -1', want: /^Create a deployment with the specified name\.\n$/, chunk: 'texts-chunk' },
      { name: 'help of a parent without a run', command: 'kubectl rollout 2>&1 | head -1', want: /^Manage the rollout of one or many resources\.\n$/, chunk: 'texts-chunk' },
      { name: 'completion script', command: 'kubectl completion bash | head -2', want: /^\n# Copyright 2016 The Kubernetes Authors\.\n$/, chunk: 'completion-chunk' },
      { name: 'explain (generated schema)', command: 'kubectl explain deployment.spec.replicas | grep FIELD', want: /^FIELD: replicas <integer>\n$/, chunk: 'explain' },
      { name: 'explain description (generated schema)', command: 'kubectl explain deployment.spec.replicas | grep -A1 DESCRIPTION', want: /^DESCRIPTION:\n\s+Number of desired pods\./, chunk: 'explain' },
      { name: 'explain enum (go-enums)', command: 'kubectl explain pod.spec.restartPolicy | grep -A1 ENUM', want: /^ENUM:\n\s+Always\n$/, chunk: 'explain' },
      { name: 'explain enum value description (go-enums)', command: 'kubectl explain pod.spec.dnsPolicy | grep -A1 \'"Default"\'', want: /^\s+- `"Default"` indicates that the pod should use the default \(as determined/, chunk: 'explain' },
      { name: 'explain v1.32 description', command: 'kubectl explain statefulset.spec.ordinals | grep -A1 DESCRIPTION', want: /^DESCRIPTION:\n\s+ordinals controls the numbering of replica indices/, chunk: 'explain' },
    ];
    for (const c of cases) {
      expect(await run(page, c.command), c.name).toMatch(c.want);
      expect(fetched, c.name).toContain(c.chunk);
    }
    // Each chunk is fetched once.
    expect([...fetched].sort()).toEqual(['completion-chunk', 'docs-chunk', 'explain', 'texts-chunk']);
    expect(errors).toEqual([]);
    await close();
  });

  it('completes with kubectl\'s descriptions on the first Tab (the help texts load for it)', async () => {
    const { page, errors, fetched, close } = await openRecording();
    await page.keyboard.type('kubectl rollout ');
    await page.keyboard.press('Tab');
    await waitForTerminal(page, /restart\s+\(Restart a resource\)[\s\S]*\$ kubectl rollout$/);
    expect(fetched).toEqual(['texts-chunk']);
    expect(errors).toEqual([]);
    await close();
  });

  it('gives the editor its schema with descriptions (hover) on first open (the schema docs load for it)', async () => {
    const { page, errors, fetched, close } = await openRecording();
    await page.getByRole('combobox', { name: 'Open an example manifest' }).selectOption('test-app.yaml');
    await page.waitForSelector('.monaco-host .monaco-editor .view-lines');
    await page.waitForFunction(() => (window as any).__kubesim.editor?.path().endsWith('/test-app.yaml'));
    expect(await page.evaluate(() => (window as any).__kubesim.editor.cursorAfter('    ima'))).toBe(true);
    // The schema arrives asynchronously: ask for the hover until it shows the field's description.
    await expect.poll(async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      return page.locator('.monaco-hover:has-text("Container image name")').count().catch(() => 0);
    }, { timeout: 20_000, interval: 500 }).toBeGreaterThan(0);
    expect(fetched).toEqual(['docs-chunk']);
    expect(errors).toEqual([]);
    await close();
  });
});
