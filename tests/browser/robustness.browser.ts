// Bad input never kills the tab: huge pastes, binary garbage, output that never ends, and a
// simulator that crashes or hangs (it is restarted with a clear message; files are kept).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp, run, screenshot, waitForTerminal } from './harness';

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

/** The page answers quickly (its main thread is not stuck). */
async function responsive(page: Page): Promise<number> {
  const t = Date.now();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  return Date.now() - t;
}

describe('robustness', () => {
  it('takes a 5 MB pasted heredoc and stays responsive', async () => {
    const { page, errors, close } = await openApp(browser, baseUrl);
    const line = `${'x'.repeat(99)}\n`;
    const body = line.repeat(50 * 1024);
    await page.evaluate((t) => (window as any).__kubesim.terminals.t1.paste(t), `cat <<EOF > big.txt\n${body}EOF\n`);
    expect(await responsive(page)).toBeLessThan(2_000);
    expect(await run(page, 'wc -l big.txt', { timeoutMs: 60_000 })).toBe('51200 big.txt\n');
    expect(await run(page, 'echo ok')).toBe('ok\n');
    expect(errors).toEqual([]);
    await close();
  });

  it('ignores binary garbage typed or pasted', async () => {
    const { page, errors, close } = await openApp(browser, baseUrl);
    const garbage = Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('');
    await page.evaluate((t) => (window as any).__kubesim.terminals.t1.paste(t), garbage);
    // Whatever the garbage started (open quotes, unknown commands), Ctrl-C gets a clean prompt back.
    await page.keyboard.press('Control+C');
    await waitForTerminal(page, /\^C[\s\S]*\nlearner@kubesim:~\$$/);
    expect(await run(page, 'kubectl get nodes --no-headers')).toMatch(/^minikube\s+Ready/);
    expect(errors).toEqual([]);
    await close();
  });

  it('survives a command that prints without end', async () => {
    const { page, close } = await openApp(browser, baseUrl);
    // 400 kB printed five times over: more output than the terminal takes in at once.
    await page.evaluate((t) => (window as any).__kubesim.terminals.t1.paste(t), `cat <<EOF > lines.txt\n${'y\n'.repeat(200_000)}EOF\n`);
    await waitForTerminal(page, /> EOF\nlearner@kubesim:~\$$/, 't1', 60_000);
    await page.keyboard.type('cat lines.txt lines.txt lines.txt lines.txt lines.txt');
    await page.keyboard.press('Enter');
    expect(await responsive(page)).toBeLessThan(2_000);
    await waitForTerminal(page, /y\nlearner@kubesim:~\$$/, 't1', 60_000);
    expect(await run(page, 'echo done')).toBe('done\n');
    await close();
  });

  it('restarts a crashed simulator, says so, and keeps the files', async () => {
    const { page, errors, close } = await openApp(browser, baseUrl);
    await run(page, 'echo keep me > notes.txt');
    await page.evaluate(() => (window as any).__kubesim.connection.client.crash('throw'));
    await page.waitForSelector('[data-testid="restart-banner"]', { timeout: 20_000 });
    const text = await waitForTerminal(page, /The simulator (?:crashed|hit an internal error)[^\n]*\n(?:[^\n]*\n)?learner@kubesim:~\$$/, 't1', 20_000);
    expect(text).toContain('your files were kept');
    expect(await run(page, 'cat notes.txt')).toBe('keep me\n');
    expect(await run(page, 'kubectl get nodes --no-headers')).toMatch(/^minikube\s+Ready/);
    await screenshot(page, 'restart-after-crash-1280x720-dark');
    expect(errors).toEqual([]);
    await close();
  });

  it('restarts a simulator that stops answering', async () => {
    const { page, close } = await openApp(browser, baseUrl);
    await page.evaluate(() => (window as any).__kubesim.connection.client.crash('hang'));
    await page.waitForSelector('[data-testid="restart-banner"]', { timeout: 30_000 });
    await waitForTerminal(page, /stopped responding[^\n]*\n(?:[^\n]*\n)?learner@kubesim:~\$$/, 't1', 30_000);
    expect(await run(page, 'kubectl get nodes --no-headers')).toMatch(/^minikube\s+Ready/);
    await close();
  });
});
