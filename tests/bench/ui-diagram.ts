// The diagram's frame cost on the built app: a Deployment of N pods rolls out (every pod replaced,
// so the mirror changes every frame), and each diagram update's main-thread time is sampled by the
// page (model + layout + d3 join + forced style/layout: window.__kubesim.diagramFrames).
import type { Browser } from 'playwright-core';
import { median, round, type Figure } from './util';

interface Sample { ms: number; js: number; pods: number }

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

/** Frame samples while `pods` pods roll out over `nodes` nodes (110 pods fit a node). */
async function rolloutFrames(browser: Browser, url: string, pods: number, nodes: number): Promise<Sample[]> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${url}?seed=1&nodes=${nodes}&speed=60`);
  await page.waitForSelector('html[data-interactive="true"]', { timeout: 60_000 });
  await page.focus('.terminal-host textarea');
  const running = () => page.evaluate(() => Number(document.querySelector('.diagram-svg')?.getAttribute('data-running') ?? 0));
  const waitRunning = async (n: number) => {
    const deadline = Date.now() + 240_000;
    while ((await running()) < n) {
      if (Date.now() > deadline) throw new Error(`diagram: ${await running()} of ${n} pods Running`);
      await page.waitForTimeout(250);
    }
  };
  await page.keyboard.type(`kubectl create deployment web --image=nginx:1.27 --replicas=${pods}`);
  await page.keyboard.press('Enter');
  await waitRunning(pods);
  await page.evaluate(() => { (window as any).__kubesim.diagramFrames = []; });
  await page.keyboard.type('kubectl set image deployment/web nginx=nginx:1.27.3 && kubectl rollout status deployment/web');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /deployment "web" successfully rolled out/.test((window as any).__kubesim.terminals.t1?.text() ?? ''),
    undefined, { timeout: 300_000, polling: 250 });
  const samples: Sample[] = await page.evaluate(() => (window as any).__kubesim.diagramFrames ?? []);
  await context.close();
  return samples.filter((s) => s.pods >= pods * 0.9);
}

/** ui.diagram_frame_ms.pods_200 and .pods_1000: median (and p95, and script-only median) of the updates during a rollout. */
export async function measureDiagram(browser: Browser, url: string): Promise<Figure[]> {
  const out: Figure[] = [];
  for (const [pods, nodes] of [[200, 3], [1000, 11]] as const) {
    const samples = await rolloutFrames(browser, url, pods, nodes);
    if (!samples.length) throw new Error(`diagram: no frames sampled at ${pods} pods`);
    const ms = samples.map((s) => s.ms);
    out.push({ name: `ui.diagram_frame_ms.pods_${pods}`, value: round(median(ms), 1), unit: 'ms' });
    out.push({ name: `ui.diagram_frame_ms.pods_${pods}_p95`, value: round(quantile(ms, 0.95), 1), unit: 'ms' });
    // The diagram's own script (model, layout, d3 join), without the page-wide style and layout flush.
    out.push({ name: `ui.diagram_frame_ms.pods_${pods}_script`, value: round(median(samples.map((s) => s.js)), 1), unit: 'ms' });
  }
  return out;
}
