// The diagram's frame cost on the built app: a Deployment of N pods rolls out (every pod replaced,
// so the mirror changes every frame), and each diagram update's main-thread time is sampled by the
// page (model + layout + d3 join or canvas paint + forced style/layout: window.__kubesim.diagramFrames).
// `npm run bench -- --only ui-diagram` runs it alone (it builds the app first).
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, ROOT, startPreview } from '../browser/preview';
import { median, round, type Figure } from './util';

/** One diagram update as the page sampled it (prep: model + layout; draw: the join or paint, without the style flush). */
export interface Sample { ms: number; js: number; pods: number; prep?: number; draw?: number }

/** What a rollout measured: the diagram's updates and the page's animation-frame intervals. */
export interface Rollout { samples: Sample[]; frames: number[] }

/** The q-quantile of numbers (nearest rank). */
export const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

/** Frame samples while `pods` pods roll out over `nodes` nodes (110 pods fit a node). */
export async function rolloutFrames(browser: Browser, url: string, pods: number, nodes: number): Promise<Rollout> {
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
  // A string, not a function: the bench runs under tsx, whose helpers (__name) do not exist in the page.
  // The page's frame intervals during the rollout are what a learner sees as smooth or not.
  await page.evaluate(`(() => {
    const w = window;
    w.__kubesim.diagramFrames = [];
    w.__benchFrames = [];
    let last = performance.now();
    const tick = (t) => {
      w.__benchFrames.push(t - last);
      last = t;
      if (!w.__benchStop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await page.keyboard.type('kubectl set image deployment/web nginx=nginx:1.27.3 && kubectl rollout status deployment/web');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /deployment "web" successfully rolled out/.test((window as any).__kubesim.terminals.t1?.text() ?? ''),
    undefined, { timeout: 300_000, polling: 250 });
  const out = await page.evaluate(() => {
    const w = window as any;
    w.__benchStop = true;
    return { samples: (w.__kubesim.diagramFrames ?? []) as Sample[], frames: (w.__benchFrames ?? []) as number[] };
  });
  await context.close();
  return { samples: out.samples.filter((s) => s.pods >= pods * 0.9), frames: out.frames.slice(1) };
}

/** ui.diagram_frame_ms.pods_N: median, p95, the script-only median, and the page's frame interval p95. */
export function diagramFigures(pods: number, r: Rollout): Figure[] {
  const { samples } = r;
  if (!samples.length) throw new Error(`diagram: no frames sampled at ${pods} pods`);
  const ms = samples.map((s) => s.ms);
  return [
    { name: `ui.diagram_frame_ms.pods_${pods}`, value: round(median(ms), 1), unit: 'ms' },
    { name: `ui.diagram_frame_ms.pods_${pods}_p95`, value: round(quantile(ms, 0.95), 1), unit: 'ms' },
    // The diagram's own script (model, layout, d3 join or canvas paint), without the page-wide style and layout flush.
    { name: `ui.diagram_frame_ms.pods_${pods}_script`, value: round(median(samples.map((s) => s.js)), 1), unit: 'ms' },
    // Every animation frame of the page while the rollout runs (the diagram's share and everyone else's).
    { name: `ui.page_frame_interval_ms.pods_${pods}_p95`, value: round(quantile(r.frames, 0.95), 1), unit: 'ms' },
  ];
}

/** The diagram figures at 200 pods (3 nodes) and 1,000 pods (11 nodes). */
export async function measureDiagram(browser: Browser, url: string): Promise<Figure[]> {
  const out: Figure[] = [];
  for (const [pods, nodes] of [[200, 3], [1000, 11]] as const) out.push(...diagramFigures(pods, await rolloutFrames(browser, url, pods, nodes)));
  return out;
}

/** ui.diagram_frame_ms.*: builds the app, serves it, rolls out 200 and 1,000 pods. */
export async function benchDiagram(): Promise<Figure[]> {
  execFileSync(process.execPath, [resolve(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'], { cwd: ROOT, stdio: 'inherit' });
  const preview = await startPreview();
  const browser = await chromium.launch(CHROMIUM);
  try {
    return await measureDiagram(browser, preview.url);
  } finally {
    await browser.close();
    await preview.stop();
  }
}
