// The YAML editor as a learner uses it: open a file the terminal wrote, change it, Apply, watch the
// cluster follow; a manifest the API server rejects gets a marker on the offending line and
// changes nothing; the schema's completion and validation work offline.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp, run, screenshot, waitForTerminal } from './harness';

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - containerPort: 80
`;

/** Pods of the web Deployment the page's mirror holds (not terminating). */
function webPods(page: Page): Promise<number> {
  return page.evaluate(() => [...((window as any).__kubesim.cluster.getState().objects.pods?.values() ?? [])]
    .filter((p: any) => p.metadata?.labels?.app === 'web' && !p.metadata?.deletionTimestamp).length);
}

async function waitFor<T>(what: string, fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let v = await fn();
  while (!ok(v)) {
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 100));
    v = await fn();
  }
  return v;
}

/** Opens a file of the files pane in the editor and waits for Monaco. */
async function openInEditor(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name, exact: true }).click();
  await page.waitForSelector('.monaco-host .monaco-editor .view-lines');
  await page.waitForFunction((n) => (window as any).__kubesim.editor?.path().endsWith(`/${n}`), name);
}

/** Replaces the value after `key` on its line by typing, as a learner would. */
async function retype(page: Page, key: string, oldValue: string, newValue: string): Promise<void> {
  expect(await page.evaluate((k) => (window as any).__kubesim.editor.cursorAfter(k), `${key}${oldValue}`)).toBe(true);
  for (let i = 0; i < oldValue.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type(newValue);
}

const markers = (page: Page): Promise<{ line: number; message: string; owner: string }[]> =>
  page.evaluate(() => (window as any).__kubesim.editor.markers());

describe('editor', () => {
  it('edits a Deployment\'s replicas, applies it and the cluster follows', async () => {
    const { page, errors, close } = await openApp(browser, baseUrl, { query: 'seed=11' });
    await page.evaluate((t) => (window as any).__kubesim.terminals.t1.paste(t), `cat <<'EOF' > web.yaml\n${DEPLOYMENT}EOF\n`);
    await page.waitForSelector('.file-row:has-text("web.yaml")');
    expect(await run(page, 'kubectl apply -f web.yaml')).toBe('deployment.apps/web created\n');
    await waitFor('two pods', () => webPods(page), (n) => n === 2);

    await openInEditor(page, 'web.yaml');
    await retype(page, 'replicas: ', '2', '4');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForSelector('.apply-output.tone-ok');
    expect(await page.textContent('.apply-output pre')).toBe('deployment.apps/web configured\n');
    // The editor saved the file the terminal sees.
    expect(await run(page, 'grep replicas web.yaml')).toBe('  replicas: 4\n');
    await waitFor('four pods', () => webPods(page), (n) => n === 4);
    await page.waitForSelector('.pod-chip:has-text("web-")', { timeout: 10_000 }).catch(() => undefined);
    await screenshot(page, 'editor-apply-replicas-1280x720-dark');
    expect(errors).toEqual([]);
    await close();
  });

  it('shows an invalid manifest\'s error at the offending line and changes nothing', async () => {
    const { page, errors, close } = await openApp(browser, baseUrl, { query: 'seed=12', theme: 'light' });
    await page.evaluate((t) => (window as any).__kubesim.terminals.t1.paste(t), `cat <<'EOF' > web.yaml\n${DEPLOYMENT}EOF\nkubectl apply -f web.yaml\n`);
    await waitFor('two pods', () => webPods(page), (n) => n === 2);
    await openInEditor(page, 'web.yaml');
    await retype(page, 'replicas: ', '2', '-3');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForSelector('.apply-output.tone-error');
    expect(await page.textContent('.apply-output pre')).toContain('The Deployment "web" is invalid');
    const m = await waitFor('a kubectl marker', () => markers(page), (ms) => ms.some((x) => x.owner === 'kubectl-apply'));
    expect(m.filter((x) => x.owner === 'kubectl-apply')).toEqual([
      { line: 6, owner: 'kubectl-apply', message: 'spec.replicas: Invalid value: -3: must be greater than or equal to 0' }]);
    // Monaco draws the error squiggle on that line.
    await page.waitForSelector('.monaco-host .squiggly-error');
    await page.waitForTimeout(300);
    await screenshot(page, 'editor-invalid-marker-1280x720-light');
    // Nothing changed in the cluster.
    expect(await run(page, `kubectl get deployment web -o jsonpath='{.spec.replicas}{"\\n"}'`)).toBe('2\n');
    expect(await webPods(page)).toBe(2);
    expect(errors).toEqual([]);
    await close();
  });

  it('validates against the Kubernetes schema offline: an unknown field is marked before Apply', async () => {
    const { page, errors, close } = await openApp(browser, baseUrl, { query: 'seed=13' });
    await page.getByRole('combobox', { name: 'Open an example manifest' }).selectOption('test-app.yaml');
    await page.waitForSelector('.monaco-host .monaco-editor .view-lines');
    await page.waitForFunction(() => (window as any).__kubesim.editor?.path().endsWith('/test-app.yaml'));
    await retype(page, '  name: ', 'test-app-pod', 'test-app-pod\ncolour: blue');
    const m = await waitFor('a schema marker', () => markers(page), (ms) => ms.some((x) => x.owner !== 'kubectl-apply'), 30_000);
    expect(m.find((x) => x.owner !== 'kubectl-apply')).toMatchObject({ line: 5, message: expect.stringContaining('colour') });
    // Hover docs: the field's description from the Kubernetes schema.
    expect(await page.evaluate(() => (window as any).__kubesim.editor.cursorAfter('    ima'))).toBe(true);
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    await page.waitForSelector('.monaco-hover:has-text("Container image name")', { timeout: 15_000 });
    await page.keyboard.press('Escape');
    // Completion offers the kind's fields where the cursor is (the Pod's spec here).
    expect(await page.evaluate(() => (window as any).__kubesim.editor.cursorAfter('spec:'))).toBe(true);
    await page.keyboard.press('Enter');
    await page.keyboard.type('restart');
    await page.keyboard.press('Control+Space');
    await page.waitForSelector('.suggest-widget .monaco-list-row:has-text("restartPolicy")', { timeout: 15_000 });
    await screenshot(page, 'editor-schema-marker-1280x720-dark');
    await page.keyboard.press('Escape');
    // The example is a file like any other.
    expect(await run(page, 'ls')).toContain('test-app.yaml');
    expect(errors).toEqual([]);
    await close();
  });

  it('creates, renames and deletes files the terminal sees (1920×1080)', async () => {
    const { page, errors, close } = await openApp(browser, baseUrl, { query: 'seed=14', width: 1920, height: 1080 });
    await page.getByRole('button', { name: 'New file' }).click();
    const name = page.getByRole('textbox', { name: 'Name of the new file' });
    expect(await name.inputValue()).toBe('untitled.yaml');
    await name.fill('pod.yaml');
    await name.press('Enter');
    await page.waitForFunction(() => (window as any).__kubesim.editor?.path().endsWith('/pod.yaml'), undefined, { timeout: 20_000 });
    expect(await run(page, 'ls')).toBe('pod.yaml\n');

    await page.getByRole('button', { name: 'pod.yaml', exact: true }).hover();
    await page.getByRole('button', { name: 'Rename pod.yaml' }).click();
    const rename = page.getByRole('textbox', { name: 'New name for pod.yaml' });
    await rename.fill('web-pod.yaml');
    await rename.press('Enter');
    await page.waitForSelector('.file-row:has-text("web-pod.yaml")');
    expect(await run(page, 'ls')).toBe('web-pod.yaml\n');
    await page.waitForFunction(() => (window as any).__kubesim.editor?.path().endsWith('/web-pod.yaml'));
    await screenshot(page, 'editor-files-1920x1080-dark');

    await page.getByRole('button', { name: 'web-pod.yaml', exact: true }).hover();
    await page.getByRole('button', { name: 'Delete web-pod.yaml' }).click();
    await page.getByRole('button', { name: 'Really delete web-pod.yaml' }).click();
    await page.waitForSelector('.file-row', { state: 'detached' });
    expect(await run(page, 'ls')).toBe('');
    expect(errors).toEqual([]);
    await close();
  });

  it('kubectl edit opens its file in the editor and applies it on "Save & close"', async () => {
    const { page, errors, close } = await openApp(browser, baseUrl, { query: 'seed=15' });
    await run(page, 'kubectl create deployment web --image=nginx:1.27');
    await page.keyboard.type('kubectl edit deployment web');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /\/tmp\/kubectl-edit-\d+\.yaml$/.test((window as any).__kubesim.editor?.path() ?? ''), undefined, { timeout: 20_000 });
    await page.waitForSelector('.edit-banner');
    expect(await page.evaluate(() => (window as any).__kubesim.editor.value())).toContain('# Please edit the object below.');
    await retype(page, 'replicas: ', '1', '2');
    await screenshot(page, 'editor-kubectl-edit-1280x720-dark');
    await page.getByRole('button', { name: 'Save & close' }).click();
    await waitForTerminal(page, /deployment\.apps\/web edited\nlearner@kubesim:~\$$/);
    await page.waitForSelector('.edit-banner', { state: 'detached' });
    await waitFor('two pods', () => webPods(page), (n) => n === 2).catch(() => undefined);
    expect(await run(page, `kubectl get deployment web -o jsonpath='{.spec.replicas}{"\\n"}'`)).toBe('2\n');
    expect(errors).toEqual([]);
    await close();
  });
});
