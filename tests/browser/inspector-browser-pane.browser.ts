// The side pane's browser: the page the simulated nginx serves, after `kubectl port-forward` and
// through a NodePort, rendered in a sandboxed frame; a port nobody listens on is refused.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { focusTerminal, launch, openApp, run, screenshot, waitForTerminal } from './harness';

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

describe('browser pane', () => {
  it('shows "Welcome to nginx!" after a port-forward, and through a NodePort', async () => {
    const { page, errors, close } = await openApp(browser, baseUrl, { query: 'seed=31' });
    await run(page, 'kubectl run web --image=nginx:1.27 --port=80');
    await page.waitForFunction(() => (window as any).__kubesim.cluster.getState().objects.pods?.get('default/web')
      ?.status?.containerStatuses?.every((c: any) => c.state?.running), undefined, { timeout: 30_000 });

    await page.getByRole('tab', { name: 'Browser' }).click();
    const address = page.getByRole('textbox', { name: 'Address' });
    await address.fill('localhost:8080');
    await address.press('Enter');
    await page.waitForSelector('.browser-error');
    expect(await page.textContent('.browser-error')).toContain('localhost refused to connect.ERR_CONNECTION_REFUSED');

    await focusTerminal(page);
    await page.keyboard.type('kubectl port-forward pod/web 8080:80');
    await page.keyboard.press('Enter');
    await waitForTerminal(page, /Forwarding from 127\.0\.0\.1:8080 -> 80\n/);
    await page.getByRole('button', { name: 'Reload' }).click();
    const h1 = page.frameLocator('iframe.browser-frame').locator('h1');
    await h1.waitFor({ timeout: 10_000 });
    expect(await h1.textContent()).toBe('Welcome to nginx!');
    expect(await page.textContent('.browser-status')).toMatch(/^HTTP 200 OK\s*text\/html\s*615 bytes/);
    // The frame may not run scripts or reach the app.
    expect(await page.getAttribute('iframe.browser-frame', 'sandbox')).toBe('');
    await screenshot(page, 'browser-port-forward-1280x720-dark');
    // kubectl logged the connection, as it does.
    await waitForTerminal(page, /Handling connection for 8080/);

    await focusTerminal(page);
    await page.keyboard.press('Control+C');
    await waitForTerminal(page, /Handling connection for 8080\n(\^C)?\n?learner@kubesim:~\$$/);
    await run(page, 'kubectl expose pod web --type=NodePort --port=80');
    // The start page lists the NodePort at the node's address, as `minikube service web --url` prints it.
    await page.getByRole('textbox', { name: 'Address' }).fill('');
    await page.getByRole('textbox', { name: 'Address' }).press('Enter');
    const link = page.locator('.browser-suggestion').first();
    await link.waitFor({ timeout: 10_000 });
    const url = (await link.textContent())!;
    expect(url).toMatch(/^http:\/\/192\.168\.49\.2:3\d{4}$/);
    expect(await run(page, 'minikube service web --url')).toBe(`${url}\n`);
    await link.click();
    await page.frameLocator('iframe.browser-frame').locator('h1:has-text("Welcome to nginx!")').waitFor({ timeout: 10_000 });
    expect(await page.inputValue('.address-bar input')).toBe(url);
    expect(errors).toEqual([]);
    await close();
  });

  it('opens an Ingress host once /etc/hosts names it, and says so before', async () => {
    const { page, errors, close } = await openApp(browser, baseUrl, { query: 'seed=33&speed=60' });
    await run(page, 'minikube addons enable ingress', { timeoutMs: 60_000 });
    await run(page, 'kubectl create deployment webapp --image=nginx:1.27 --port=80');
    await run(page, 'kubectl expose deployment webapp --name=webapp-service --port=80');
    await run(page, 'kubectl create ingress webapp-ingress --class=nginx --rule=webapp.example.com/*=webapp-service:80');
    await page.getByRole('tab', { name: 'Browser' }).click();
    const link = page.locator('.browser-suggestion:has-text("webapp.example.com")');
    await link.waitFor({ timeout: 10_000 });
    await link.click();
    await page.waitForSelector('.browser-error');
    expect(await page.textContent('.browser-error')).toContain('DNS_PROBE_FINISHED_NXDOMAIN');
    expect(await page.textContent('.browser-hint')).toContain('192.168.49.2 webapp.example.com');
    await screenshot(page, 'browser-ingress-hint-1280x720-dark');

    await run(page, 'echo "192.168.49.2 webapp.example.com" >> /etc/hosts');
    // The controller picks the Ingress up and the page comes through it.
    const deadline = Date.now() + 30_000;
    const h1 = page.frameLocator('iframe.browser-frame').locator('h1');
    while (Date.now() < deadline) {
      await page.getByRole('button', { name: 'Reload' }).click();
      await page.waitForTimeout(500);
      if (await h1.count()) break;
    }
    expect(await h1.textContent()).toBe('Welcome to nginx!');
    expect(errors).toEqual([]);
    await close();
  });
});
