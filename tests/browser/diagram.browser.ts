// The live diagram as a learner sees it: a seed's Deployment and Service applied in the terminal
// appear as pods in their nodes, reach Running, with the Service's routes; a click on a pod says
// why it is on its node; the timeline lists what happened, in plain words.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp, run, screenshot, waitFor, waitForTerminal } from './harness';
import * as seed from '../fixtures';

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

// webapp-deployment.yaml and webapp-service.yaml of the seed tutorial, nginx only: the Deployment up to
// the webapp container's port (no envFrom, no database container, no volume).
const SEED = `${seed.WEBAPP_DEPLOYMENT.slice(0, seed.WEBAPP_DEPLOYMENT.indexOf('        envFrom:\n'))}---${seed.WEBAPP_SERVICE}`;

/** A pasted heredoc has run: its "> EOF" line is followed by a fresh prompt (a command typed sooner would race it). */
const heredocDone = (page: Page) => waitForTerminal(page, /> EOF\nlearner@kubesim:[^\n]*\$ *$/);

const running = (page: Page) => page.$$eval('.pod-chip[data-pod^="default/webapp-deployment-"]',
  (els) => els.filter((e) => e.getAttribute('data-status') === 'Running' && e.classList.contains('tone-ok')).length);

describe('diagram', () => {
  it('shows applied pods in their nodes reaching Running, with the Service routes; a click explains the placement', async () => {
    const { page, errors, close } = await openApp(browser, baseUrl, { query: 'seed=7&nodes=2&speed=10', width: 1440, height: 900 });
    await page.evaluate((t) => (window as any).__kubesim.terminals.t1.paste(`cat <<'EOF' > webapp.yaml\n${t}EOF\n`), SEED);
    await heredocDone(page);
    expect(await run(page, 'kubectl apply -f webapp.yaml')).toBe('deployment.apps/webapp-deployment created\nservice/webapp-service created\n');
    await waitFor(page, '3 pods in the diagram', async () => (await page.$$('.pod-chip[data-pod^="default/webapp-deployment-"]')).length === 3, 30_000);
    await waitFor(page, '3 Running pods', async () => (await running(page)) === 3, 30_000);
    // Every pod sits inside a node region, and the Service routes to each of them.
    const placement = await page.$$eval('.pod-chip[data-pod^="default/webapp-deployment-"]', (pods) => pods.map((p) => {
      const b = p.getBoundingClientRect();
      const node = [...document.querySelectorAll('.region[data-node]')].find((r) => {
        const n = r.getBoundingClientRect();
        return b.left >= n.left && b.right <= n.right && b.top >= n.top && b.bottom <= n.bottom;
      });
      return node?.getAttribute('data-node');
    }));
    expect(placement.every((n) => n === 'minikube' || n === 'minikube-m02')).toBe(true);
    expect(await page.$$eval('path.link[data-source="services/default/webapp-service"]', (l) => l.length)).toBe(3);
    // No label overflows its box.
    const overflow = await page.$$eval('.pod-chip', (pods) => pods.flatMap((p) => {
      const box = p.querySelector('rect')!.getBoundingClientRect();
      return [...p.querySelectorAll('text')].filter((t) => t.getBoundingClientRect().right > box.right + 0.5).map((t) => t.textContent);
    }));
    expect(overflow).toEqual([]);
    await page.waitForTimeout(600); // moves end
    await screenshot(page, 'diagram-webapp-running-1440x900-dark');

    await page.click('.pod-chip[data-pod^="default/webapp-deployment-"]');
    await page.waitForSelector('.detail-card .sched-headline');
    const headline = await page.textContent('.detail-card .sched-headline');
    expect(headline).toMatch(/^Scheduled on minikube(-m02)? · attempt 1 at \d\d:\d\d:\d\d$/);
    expect(await page.$$eval('.detail-card .sched-table tbody tr', (r) => r.length)).toBe(2);
    await page.waitForTimeout(600);
    await screenshot(page, 'diagram-why-here-1440x900-dark');

    // The timeline: the reconcile loop in words.
    const texts = await page.$$eval('.timeline-body .event-row', (rows) => rows.map((r) => r.textContent ?? ''));
    expect(texts.some((t) => /ReplicaSet controller: fewer pods exist than the 3 wanted, so it created webapp-deployment-/.test(t))).toBe(true);
    expect(texts.some((t) => /Scheduler: placed the pod on minikube/.test(t))).toBe(true);
    await page.fill('.timeline-filters input[type="search"]', 'deployment/webapp');
    await waitFor(page, 'the object filter', async () => (await page.$$eval('.timeline-body .event-row', (rows) =>
      rows.every((r) => r.querySelector('.event-object')?.textContent?.startsWith('deployment/webapp')))), 30_000);
    await page.click('.timeline-body .event-row');
    await waitFor(page, 'the Deployment selected', async () => page.evaluate(() => !!document.querySelector('.owner-group.is-selected')), 30_000);

    // Zoom and pan: the buttons scale, a plain wheel scrolls, "Fit" brings the fitted view back.
    const transform = () => page.getAttribute('.diagram-root', 'transform');
    const fitted = await transform();
    await page.click('button[aria-label="Zoom in"]');
    await waitFor(page, 'the zoom', async () => (await transform()) !== fitted, 30_000);
    expect(await transform()).toMatch(/scale\(/);
    await page.mouse.move(700, 250);
    await page.mouse.wheel(0, 120);
    await waitFor(page, 'the pan', async () => /translate\([-\d.]+,-[\d.]+\)/.test((await transform()) ?? ''), 30_000);
    await page.click('button[aria-label="Fit the cluster"]');
    await waitFor(page, 'the fitted view', async () => (await transform()) === fitted, 30_000);
    expect(errors).toEqual([]);
    await close();
  });

  it('explains why a pod is not scheduled: every node and the filter that rejected it', async () => {
    const { page, errors, close } = await openApp(browser, baseUrl, { query: 'seed=7&nodes=2&speed=10', width: 1280, height: 720, theme: 'light' });
    const pod = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: big', 'spec:', '  containers:', '  - name: app', '    image: nginx',
      '    resources:', '      requests:', '        cpu: "10"'].join('\n');
    await page.evaluate((t) => (window as any).__kubesim.terminals.t1.paste(`cat <<'EOF' > big.yaml\n${t}\nEOF\n`), pod);
    await heredocDone(page);
    expect(await run(page, 'kubectl apply -f big.yaml')).toBe('pod/big created\n');
    await page.waitForSelector('.region-pending .region-title');
    await page.click('.pod-chip[data-pod="default/big"]');
    await page.waitForSelector('.detail-card .sched-headline:has-text("Not scheduled")');
    expect(await page.textContent('.detail-card .sched-message')).toBe('0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.');
    const rows = await page.$$eval('.detail-card .sched-table tbody tr', (trs) => trs.map((r) => r.textContent));
    expect(rows).toEqual(['minikube✗ NodeResourcesFit: Insufficient cpu—', 'minikube-m02✗ NodeResourcesFit: Insufficient cpu—']);
    await page.waitForTimeout(600);
    await screenshot(page, 'diagram-not-scheduled-1280x720-light');
    expect(errors).toEqual([]);
    await close();
  });
});
