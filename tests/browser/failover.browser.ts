// The instructor's failover demo: one click gives 3 nodes and a Deployment of 6 behind a Service;
// stopping a node makes it NotReady after the shortened grace period, its pods are evicted and
// come back Running on the other nodes; the timeline tells the story.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp, screenshot, waitFor, waitForTerminal } from './harness';

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

/** Running, ready web pods by the node region they are drawn in. */
const webPods = (page: Page) => page.$$eval('.pod-chip[data-pod^="default/web-"]', (pods) => pods
  .filter((p) => p.getAttribute('data-status') === 'Running' && p.classList.contains('tone-ok'))
  .map((p) => {
    const b = p.getBoundingClientRect();
    const node = [...document.querySelectorAll('.region[data-node]')].find((r) => {
      const n = r.getBoundingClientRect();
      return b.left >= n.left - 1 && b.right <= n.right + 1 && b.top >= n.top - 1 && b.bottom <= n.bottom + 1;
    });
    return node?.getAttribute('data-node') ?? '?';
  }));

describe('failover demo', () => {
  it('stops a node and shows its pods move to the others after the eviction', async () => {
    const { page, errors, close } = await openApp(browser, baseUrl, { query: 'seed=11', width: 1440, height: 900 });
    await page.click('button:has-text("Failover demo")');
    await waitForTerminal(page, /deployment\.apps\/web created\nservice\/web created\n/);
    await page.waitForSelector('.cluster-badge:has-text("3 nodes")');
    await waitFor(page, '6 Running web pods', async () => (await webPods(page)).length === 6);
    const before = await webPods(page);
    expect(new Set(before).size).toBeGreaterThan(1);
    const victim = before.includes('minikube-m02') ? 'minikube-m02' : 'minikube-m03';
    const moving = before.filter((n) => n === victim).length;
    expect(moving).toBeGreaterThan(0);
    await screenshot(page, 'failover-1-before-1440x900-dark');

    await page.click(`.region[data-node="${victim}"] .region-title`);
    await page.click('.detail-card button:has-text("Stop node")');
    await page.waitForSelector('.detail-card button:has-text("Start node")');
    await page.click('.segmented button:has-text("60×")');
    await waitFor(page, `${victim} NotReady`, async () => page.$eval(`.region[data-node="${victim}"]`, (r) => r.classList.contains('is-down')));
    await screenshot(page, 'failover-2-node-down-1440x900-dark');
    await waitFor(page, 'the pods back on the other nodes', async () => {
      const now = await webPods(page);
      return now.length === 6 && !now.includes(victim);
    }, 60_000);
    await page.click('.segmented button:first-child');
    await page.waitForTimeout(700); // the moves' animation ends
    await screenshot(page, 'failover-3-after-1440x900-dark');

    const texts = await page.$$eval('.timeline-body .event-row', (rows) => rows.map((r) => r.textContent ?? ''));
    expect(texts.some((t) => t.includes('Node lifecycle controller: the node stopped reporting'))).toBe(true);
    expect(texts.filter((t) => t.includes('pod/web-') && t.includes('Taint eviction controller: the node stayed unreachable')).length).toBe(moving);
    expect(errors).toEqual([]);
    await close();
  });
});
