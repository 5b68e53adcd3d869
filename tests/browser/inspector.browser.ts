// The inspector as a learner uses it: click a pod in the cluster view and read its logs (following),
// its describe text and YAML; "Edit" opens it in the editor; "Exec" opens a shell in a new tab.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp, run, screenshot, terminalText, waitForTerminal } from './harness';

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

/** Waits until the pod's containers all run (as the page's mirror has it). */
async function waitRunning(page: Page, name: string): Promise<void> {
  await page.waitForFunction((n) => {
    const pod = (window as any).__kubesim.cluster.getState().objects.pods?.get(`default/${n}`);
    return pod?.status?.containerStatuses?.every((c: any) => c.state?.running);
  }, name, { timeout: 30_000 });
}

describe('inspector', () => {
  it('shows a clicked pod\'s logs, following, then its describe text and YAML', async () => {
    const { page, errors, close } = await openApp(browser, baseUrl, { query: 'seed=21' });
    expect(await run(page, 'kubectl run web --image=nginx:1.27 --labels=app=web')).toBe('pod/web created\n');
    await waitRunning(page, 'web');
    await page.click('.pod-chip:has-text("web")');
    await page.waitForSelector('.inspector-title:has-text("web")');
    await page.getByRole('tab', { name: 'Logs' }).click();
    await page.waitForSelector('.log-text:has-text("start worker processes")', { timeout: 15_000 });
    expect(await page.textContent('.log-state')).toBe('following');
    expect(await page.textContent('.log-command')).toBe('kubectl logs -f web');
    expect(await page.textContent('.log-text')).toContain('/docker-entrypoint.sh: Configuration complete; ready for start up');
    await screenshot(page, 'inspector-pod-logs-1280x720-dark');

    await page.getByRole('tab', { name: 'Describe' }).click();
    await page.waitForSelector('.command-text:has-text("Name:")');
    const describe = (await page.textContent('.command-text'))!;
    expect(describe).toMatch(/^Name:\s+web\nNamespace:\s+default\n/);
    // The same text as the terminal's kubectl describe (up to the ages, which move).
    const fromTerminal = await run(page, 'kubectl describe pod web');
    const ageless = (s: string) => s.replace(/\b\d+(s|m\d*s?)\b/g, 'AGE').trimEnd();
    expect(ageless(describe)).toBe(ageless(fromTerminal));

    await page.getByRole('tab', { name: 'YAML' }).click();
    await page.waitForSelector('.command-text:has-text("kind: Pod")');
    expect(await page.textContent('.command-text')).toMatch(/^apiVersion: v1\nkind: Pod\nmetadata:\n/);
    await screenshot(page, 'inspector-pod-yaml-1280x720-dark');

    await page.getByRole('tab', { name: /^Events/ }).click();
    await page.waitForSelector('.command-text:has-text("Started")');
    expect(await page.textContent('.command-text')).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE\n.*Normal\s+Scheduled\s+Pod\/web\s+Successfully assigned default\/web to minikube\n/s);
    expect(errors).toEqual([]);
    await close();
  });

  it('"Edit" opens the object in the editor as a manifest; "Exec" opens a shell tab in the pod', async () => {
    const { page, errors, close } = await openApp(browser, baseUrl, { query: 'seed=22', theme: 'light' });
    await run(page, 'kubectl run web --image=nginx:1.27');
    await waitRunning(page, 'web');
    await page.click('.pod-chip:has-text("web")');
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.waitForFunction(() => (window as any).__kubesim.editor?.path().endsWith('/pod-web.yaml'), undefined, { timeout: 20_000 });
    const text: string = await page.evaluate(() => (window as any).__kubesim.editor.value());
    expect(text).toMatch(/^apiVersion: v1\nkind: Pod\nmetadata:\n/);
    expect(text).not.toMatch(/^status:|resourceVersion:|uid:|managedFields:/m);

    await page.getByRole('button', { name: 'Exec' }).click();
    await page.waitForSelector('[role="tab"][aria-selected="true"]:has-text("web")');
    const out = await waitForTerminal(page, /kubectl exec -it web -- sh\n/, 't2');
    expect(out).toContain('kubectl exec -it web -- sh');
    await page.waitForTimeout(500);
    await screenshot(page, 'inspector-edit-exec-1280x720-light');
    expect(await terminalText(page, 't1')).not.toContain('kubectl exec');
    expect(errors).toEqual([]);
    await close();
  });
});
