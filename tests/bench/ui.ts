// UI figures on the built app in headless chromium: time to an interactive terminal, JavaScript the
// page loads before Monaco, the engine's (worker's) size, and kubectl latency from Enter to output.
// The engine's size, gzipped: engine.gzip_kb everything fetched before the simulator handles its first
// message (worker chunk + boot chunks), engine.initial_gzip_kb the worker chunk alone,
// engine.ondemand_gzip_kb the chunks fetched only on first use (help texts, completion scripts, schema
// descriptions), engine.total_gzip_kb all of it (see reference/performance.md).
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, ROOT, startPreview } from '../browser/preview';
import { median, round, type Figure } from './util';

const kb = (bytes: number) => round(bytes / 1024, 1);
const gzipSize = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/** Builds the app (the figures are of the current code). */
function build(): void {
  execFileSync(process.execPath, [resolve(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'], { cwd: ROOT, stdio: 'inherit' });
}

/** The simulator's worker chunk: the asset the page starts with `new Worker`. */
function engineChunk(): string {
  const assets = resolve(ROOT, 'dist/assets');
  const f = readdirSync(assets).find((n) => /^worker-[\w-]+\.js$/.test(n));
  if (!f) throw new Error('no worker chunk in dist/assets');
  return resolve(assets, f);
}

// The boot chunk's entry (src/worker/lazy-data-boot.ts): the one chunk the worker imports dynamically
// and awaits before the simulator starts. Every other dynamic import is a chunk fetched on first use
// (help texts, completion scripts, the schema's descriptions, explain's renderer).
const BOOT_ENTRY = 'lazy-data-boot-';

/**
 * The chunks the worker chunk imports, transitively: `boot` what is fetched before the simulator handles
 * its first message (the boot entry and what it and the worker chunk import statically), `onDemand` the
 * chunks behind any other dynamic import (and what only those import).
 */
function engineLazyChunks(entry: string): { boot: string[]; onDemand: string[] } {
  const dir = resolve(entry, '..');
  const imports = (f: string) => [...readFileSync(resolve(dir, f), 'utf8')
    .matchAll(/(import\(|from\s*|import\s*)[`"']\.\/([\w.-]+\.js)[`"']/g)]
    .map((m) => ({ name: m[2], dynamic: m[1] === 'import(' }));
  const boot = new Set([basename(entry)]);
  const later = new Set<string>();
  for (const queue = [basename(entry)]; queue.length;) {
    for (const { name, dynamic } of imports(queue.pop()!)) {
      if (boot.has(name)) continue;
      if (dynamic && !name.startsWith(BOOT_ENTRY)) later.add(name);
      else {
        boot.add(name);
        queue.push(name);
      }
    }
  }
  const onDemand = new Set<string>();
  for (const queue = [...later]; queue.length;) {
    const name = queue.pop()!;
    if (boot.has(name) || onDemand.has(name)) continue;
    onDemand.add(name);
    queue.push(...imports(name).map((i) => i.name));
  }
  const paths = (xs: Iterable<string>) => [...xs].map((n) => resolve(dir, n));
  return { boot: paths([...boot].slice(1)), onDemand: paths(onDemand) };
}

/**
 * engine.gzip_kb: what is fetched before the simulator handles its first message (the worker chunk,
 * engine.initial_gzip_kb, plus the boot chunk: data, kubectl). engine.ondemand_gzip_kb: the chunks fetched
 * only on first use (help texts, completion scripts, schema descriptions for explain and the editor).
 * engine.total_gzip_kb: all of them. Each chunk gzipped on its own (level 9), of the build in dist/.
 */
export function engineFigures(): Figure[] {
  const engine = engineChunk();
  const initial = gzipSize(engine);
  const lazy = engineLazyChunks(engine);
  const boot = lazy.boot.reduce((n, f) => n + gzipSize(f), initial);
  const onDemand = lazy.onDemand.reduce((n, f) => n + gzipSize(f), 0);
  return [
    { name: 'engine.gzip_kb', value: kb(boot), unit: 'kB' },
    { name: 'engine.initial_gzip_kb', value: kb(initial), unit: 'kB' },
    { name: 'engine.ondemand_gzip_kb', value: kb(onDemand), unit: 'kB' },
    { name: 'engine.total_gzip_kb', value: kb(boot + onDemand), unit: 'kB' },
  ];
}

async function firstLoad(browser: Browser, url: string): Promise<{ interactiveMs: number; scripts: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(`${url}?seed=1`);
  await page.waitForSelector('html[data-interactive="true"]', { timeout: 60_000 });
  const r = await page.evaluate(() => ({
    interactiveMs: performance.getEntriesByName('kubesim:interactive')[0]?.startTime ?? NaN,
    scripts: performance.getEntriesByType('resource').filter((e) => /\.js(\?|$)/.test(e.name)).map((e) => e.name),
  }));
  await context.close();
  return r;
}

/** ui.first_interactive_ms, ui.initial_js_gzip_kb, engine.gzip_kb, engine.initial_gzip_kb, engine.ondemand_gzip_kb, engine.total_gzip_kb, ui.command_ms (ui.diagram_frame_ms.*: ui-diagram.ts benchDiagram). */
export async function benchUI(): Promise<Figure[]> {
  build();
  const preview = await startPreview();
  const browser = await chromium.launch(CHROMIUM);
  try {
    const loads = [];
    for (let i = 0; i < 5; i++) loads.push(await firstLoad(browser, preview.url));
    const engine = engineChunk();
    // The page's own scripts (the worker's is the engine, counted apart); Monaco is never among them.
    const pageScripts = [...new Set(loads[0].scripts.map((s) => basename(new URL(s).pathname)))]
      .filter((n) => n !== basename(engine)).map((n) => resolve(ROOT, 'dist/assets', n));
    const initialJs = pageScripts.reduce((n, f) => n + gzipSize(f), 0);
    // Monaco must stay out of the first load (it is imported lazily by the editor).
    const eager = pageScripts.map((f) => basename(f)).filter((n) => /^(editor\.api|CodeEditor|monaco)/i.test(n));
    if (eager.length) throw new Error(`Monaco is in the first load: ${eager.join(', ')}`);
    const lazyJs = readdirSync(resolve(ROOT, 'dist/assets')).filter((n) => /^(editor\.api|CodeEditor)-[\w-]+\.js$/.test(n))
      .reduce((n, f) => n + gzipSize(resolve(ROOT, 'dist/assets', f)), 0);

    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(`${preview.url}?seed=1`);
    await page.waitForSelector('html[data-interactive="true"]');
    await page.focus('.terminal-host textarea');
    for (let i = 0; i < 21; i++) {
      const before = await page.evaluate(() => (window as any).__kubesim.commandLatencies.length);
      await page.keyboard.type('kubectl get pods -A');
      await page.keyboard.press('Enter');
      await page.waitForFunction((n) => (window as any).__kubesim.commandLatencies.length > n, before);
      await page.waitForTimeout(20);
    }
    const latencies: number[] = (await page.evaluate(() => (window as any).__kubesim.commandLatencies)).slice(1);
    // The editor: Monaco loads on the first file opened (its chunk, workers and the schema from the
    // simulator), from the click to text on screen and then to the schema's first marker.
    const editorMs = await page.evaluate(async () => {
      const t0 = performance.now();
      const select = document.querySelector<HTMLSelectElement>('select[aria-label="Open an example manifest"]')!;
      select.value = 'test-app.yaml';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      while (!document.querySelector('.monaco-host .view-lines .view-line')) await new Promise((r) => setTimeout(r, 5));
      return performance.now() - t0;
    });
    await context.close();
    return [
      { name: 'ui.first_interactive_ms', value: round(median(loads.map((l) => l.interactiveMs)), 0), unit: 'ms' },
      { name: 'ui.initial_js_gzip_kb', value: kb(initialJs), unit: 'kB' },
      ...engineFigures(),
      { name: 'ui.command_ms', value: round(median(latencies), 1), unit: 'ms' },
      { name: 'ui.editor_js_gzip_kb', value: kb(lazyJs), unit: 'kB' },
      { name: 'ui.editor_open_ms', value: round(editorMs, 0), unit: 'ms' },
    ];
  } finally {
    await browser.close();
    await preview.stop();
  }
}
