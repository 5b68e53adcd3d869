// Helpers for driving the app like a learner: open it, type in the terminal, read what it shows,
// and save screenshots under test-results/ for a human to look at.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, ROOT } from './preview';

/** Where screenshots go. */
export const RESULTS = resolve(ROOT, 'test-results');

/** Launches Debian's chromium. */
export function launch(): Promise<Browser> {
  return chromium.launch(CHROMIUM);
}

/** Opens the app and waits for the first prompt; collects page errors into `errors`. */
export async function openApp(browser: Browser, baseUrl: string, opts: { query?: string; width?: number; height?: number; theme?: 'dark' | 'light' } = {}) {
  const context = await browser.newContext({ viewport: { width: opts.width ?? 1280, height: opts.height ?? 720 },
    colorScheme: opts.theme ?? 'dark' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${baseUrl}?${opts.query ?? 'seed=7'}`);
  await page.waitForSelector('html[data-interactive="true"]', { timeout: 30_000 });
  await page.click('.terminal-host:not([hidden])');
  return { page, errors, close: () => context.close() };
}

/** The text of a terminal tab. */
export function terminalText(page: Page, tab = 't1'): Promise<string> {
  return page.evaluate((t) => (window as any).__kubesim.terminals[t]?.text() ?? '', tab);
}

/** Waits until a terminal's text matches; returns it. */
export async function waitForTerminal(page: Page, pattern: RegExp, tab = 't1', timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < deadline) {
    text = await terminalText(page, tab);
    if (pattern.test(text)) return text;
    await page.waitForTimeout(50);
  }
  throw new Error(`terminal ${tab} never matched ${pattern}; it shows:\n${text}`);
}

/** How many prompts the terminal shows (a finished command adds one). */
export async function promptCount(page: Page, tab = 't1'): Promise<number> {
  return ((await terminalText(page, tab)).match(/learner@kubesim:[^\n]*\$/g) ?? []).length;
}

/** Gives the visible terminal the keyboard (clicking a button elsewhere takes it away). */
export async function focusTerminal(page: Page): Promise<void> {
  await page.focus('.terminal-host:not([hidden]) textarea');
}

/** Types a command and presses Enter, then waits for the next prompt. Returns the command's output. */
export async function run(page: Page, command: string, opts: { tab?: string; timeoutMs?: number } = {}): Promise<string> {
  const tab = opts.tab ?? 't1';
  await focusTerminal(page);
  const before = await promptCount(page, tab);
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
  const deadline = Date.now() + (opts.timeoutMs ?? 15_000);
  while (Date.now() < deadline) {
    if ((await promptCount(page, tab)) > before) {
      const text = await terminalText(page, tab);
      const at = text.lastIndexOf(`$ ${command}`);
      const rest = text.slice(at + command.length + 2);
      return rest.slice(rest.indexOf('\n') + 1, rest.lastIndexOf('\nlearner@kubesim') + 1);
    }
    await page.waitForTimeout(30);
  }
  throw new Error(`"${command}" did not finish; the terminal shows:\n${await terminalText(page, tab)}`);
}

/** Saves a screenshot as test-results/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS, { recursive: true });
  const path = resolve(RESULTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** kubectl's AGE back to seconds ("2m5s" → 125). */
export function ageSeconds(age: string): number {
  let s = 0;
  for (const [, n, u] of age.matchAll(/(\d+)([smhdy])/g)) s += Number(n) * { s: 1, m: 60, h: 3600, d: 86400, y: 31_536_000 }[u as 's']!;
  return s;
}

/** Polls `fn` until it holds; fails naming `what` after `timeoutMs`. */
export async function waitFor(page: Page, what: string, fn: () => Promise<boolean>, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await fn()) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}
