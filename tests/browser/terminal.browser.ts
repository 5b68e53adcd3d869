// The terminal as a learner uses it: kubectl, heredocs, Ctrl-C, completion, tabs, time speeds.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ageSeconds, launch, openApp, promptCount, run, screenshot, terminalText, waitForTerminal } from './harness';

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

describe('terminal', () => {
  it('runs kubectl get nodes and shows the node', async () => {
    const { page, errors, close } = await openApp(browser, baseUrl);
    const out = await run(page, 'kubectl get nodes');
    expect(out).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\nminikube\s+Ready\s+control-plane\s+\S+\s+v1\.32\.0\n$/);
    await screenshot(page, 'terminal-get-nodes-1280x720-dark');
    expect(errors).toEqual([]);
    await close();
  });

  it('applies a file written with a typed heredoc, then lists the pod', async () => {
    const { page, errors, close } = await openApp(browser, baseUrl, { theme: 'light' });
    const lines = ['cat <<EOF > pod.yaml', 'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', '  labels:', '    app: web',
      'spec:', '  containers:', '  - name: nginx', '    image: nginx:1.27', '    ports:', '    - containerPort: 80', 'EOF'];
    for (const l of lines) {
      await page.keyboard.type(l);
      await page.keyboard.press('Enter');
    }
    await waitForTerminal(page, /> EOF\nlearner@kubesim:~\$$/);
    // The heredoc's body got the continuation prompt, line by line.
    expect(await terminalText(page)).toContain('> apiVersion: v1\n> kind: Pod\n');
    expect(await run(page, 'kubectl apply -f pod.yaml')).toBe('pod/web created\n');
    expect(await run(page, 'kubectl get pods')).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\nweb\s+\d\/1\s+\S+\s+\d+\s+\S+\n$/);
    // The file shows in the files pane and the pod in the cluster view.
    await page.getByRole('button', { name: 'pod.yaml' }).click();
    await page.waitForSelector('.pod-chip:has-text("web")');
    await page.click('.pod-chip:has-text("web")');
    await page.waitForSelector('.inspector-title:has-text("web")');
    await screenshot(page, 'terminal-heredoc-apply-1280x720-light');
    expect(errors).toEqual([]);
    await close();
  });

  it('runs pasted lines one by one, with "> " inside the heredoc', async () => {
    const { page, close } = await openApp(browser, baseUrl);
    const paste = 'cat <<EOF > cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: demo\nEOF\nkubectl apply -f cm.yaml\n';
    await page.evaluate((t) => (window as any).__kubesim.terminals.t1.paste(t), paste);
    const text = await waitForTerminal(page, /configmap\/settings created\nlearner@kubesim:~\$$/);
    expect(text).toContain('learner@kubesim:~$ cat <<EOF > cm.yaml\n> apiVersion: v1\n> kind: ConfigMap\n');
    expect(text).toContain('> EOF\nlearner@kubesim:~$ kubectl apply -f cm.yaml\nconfigmap/settings created');
    expect(await run(page, 'kubectl get configmap settings')).toMatch(/^NAME\s+DATA\s+AGE\nsettings\s+1\s+\S+\n$/);
    await close();
  });

  it('Ctrl-C stops kubectl get pods -w and sleep', async () => {
    const { page, close } = await openApp(browser, baseUrl);
    for (const command of ['kubectl get pods -A -w', 'sleep 600']) {
      const before = await promptCount(page);
      await page.keyboard.type(command);
      await page.keyboard.press('Enter');
      await page.waitForTimeout(1_500);
      expect(await promptCount(page), `${command} should still be running`).toBe(before);
      await page.keyboard.press('Control+C');
      await waitForTerminal(page, new RegExp(`\\^C\\nlearner@kubesim:~\\$$`));
      expect(await promptCount(page)).toBe(before + 1);
    }
    // The shell is usable again.
    expect(await run(page, 'echo still here')).toBe('still here\n');
    await close();
  });

  it('kubectl run -it is a shell in the pod: Ctrl-C stops its command or drops the typed line there, Ctrl-D ends it', async () => {
    const { page, errors, close } = await openApp(browser, baseUrl);
    await page.keyboard.type('kubectl run bb -it --image=busybox --restart=Never -- sh');
    await page.keyboard.press('Enter');
    // The terminal's text has its lines' trailing blanks trimmed (the prompt "/ # " reads "/ #").
    await waitForTerminal(page, /If you don't see a command prompt, try pressing enter\.$/, 't1', 60_000);
    await page.keyboard.press('Enter');
    await waitForTerminal(page, /\n\/ #$/);
    await page.keyboard.type('echo hello from $(hostname)');
    await page.keyboard.press('Enter');
    await waitForTerminal(page, /\nhello from bb\n\/ #$/);
    // Ctrl-C while a command runs there stops that command (SIGINT to the remote foreground job), not the session.
    await page.keyboard.type('sleep 600');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(1_000);
    await page.keyboard.press('Control+C');
    await waitForTerminal(page, /\n\/ # sleep 600\n\^C\n\/ #$/);
    await page.keyboard.type('oops');
    await page.keyboard.press('Control+C');
    await waitForTerminal(page, /\n\/ # oops\^C\n\/ #$/);
    await screenshot(page, 'terminal-run-it-1280x720-dark');
    await page.keyboard.press('Control+D');
    await waitForTerminal(page, /learner@kubesim:~\$$/);
    // The shell ended with the status of its last command, the interrupted sleep (128 + SIGINT), as ash does.
    expect(await run(page, 'kubectl get pod bb --no-headers')).toMatch(/^bb\s+0\/1\s+Error\s+0\s+\S+\n$/);
    expect(await run(page, "kubectl get pod bb -o jsonpath='{.status.containerStatuses[0].state.terminated.exitCode}{\"\\n\"}'")).toBe('130\n');
    expect(errors).toEqual([]);
    await close();
  });

  it('completes verbs, kinds and names with Tab', async () => {
    const { page, close } = await openApp(browser, baseUrl);
    await page.keyboard.type('kubectl get no');
    await page.keyboard.press('Tab');
    await page.keyboard.type('mini');
    await page.keyboard.press('Tab');
    await waitForTerminal(page, /\$ kubectl get nodes minikube$/);
    await page.keyboard.press('Enter');
    await waitForTerminal(page, /minikube\s+Ready/);
    // Ambiguous: the candidates are listed with kubectl's descriptions, then the line again.
    await page.keyboard.type('kubectl rollout ');
    await page.keyboard.press('Tab');
    await waitForTerminal(page, /restart\s+\(Restart a resource\)[\s\S]*\$ kubectl rollout$/);
    await screenshot(page, 'terminal-completion-1280x720-dark');
    await close();
  });

  it('recalls history with ↑ and clears with Ctrl-L', async () => {
    const { page, close } = await openApp(browser, baseUrl);
    await run(page, 'echo first');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await waitForTerminal(page, /first\n[^\n]*\$ echo first\nfirst\n[^\n]*\$$/);
    await page.keyboard.type('echo typed');
    await page.keyboard.press('Control+L');
    await waitForTerminal(page, /^learner@kubesim:~\$ echo typed$/);
    await close();
  });

  it('opens more terminal tabs, each with its own shell over the same files', async () => {
    const { page, close } = await openApp(browser, baseUrl, { width: 1920, height: 1080 });
    await run(page, 'mkdir demo && cd demo && echo hello > note.txt');
    await page.getByRole('button', { name: 'New terminal' }).click();
    await waitForTerminal(page, /learner@kubesim:~\$$/, 't2');
    expect(await run(page, 'pwd', { tab: 't2' })).toBe('/home/learner\n');
    expect(await run(page, 'cat demo/note.txt', { tab: 't2' })).toBe('hello\n');
    await page.getByRole('tab', { name: 'Terminal 1' }).click();
    await page.click('.terminal-host:not([hidden])');
    expect(await run(page, 'pwd')).toBe('/home/learner/demo\n');
    await page.getByRole('tab', { name: 'Terminal 2' }).click();
    await screenshot(page, 'terminal-tabs-1920x1080-dark');
    await close();
  });

  it('speed controls change how fast ages grow', async () => {
    const { page, close } = await openApp(browser, baseUrl);
    const age = async () => ageSeconds((await run(page, 'kubectl get nodes --no-headers')).trim().split(/\s+/)[3]);
    const a0 = await age();
    await page.waitForTimeout(2_000);
    const a1 = await age();
    expect(a1 - a0).toBeGreaterThanOrEqual(1);
    expect(a1 - a0).toBeLessThanOrEqual(5);
    await page.getByRole('radio', { name: '60×' }).click();
    await page.waitForTimeout(2_000);
    const a2 = await age();
    expect(a2 - a1).toBeGreaterThanOrEqual(80);
    await page.getByRole('radio', { name: 'Pause' }).click();
    const p0 = await age();
    await page.waitForTimeout(1_500);
    expect(await age()).toBe(p0);
    await screenshot(page, 'time-paused-1280x720-dark');
    await close();
  });
});

describe('accessibility', () => {
  it('labels the panes, reaches the controls by keyboard, and turns on screen-reader mode', async () => {
    const { page, close } = await openApp(browser, baseUrl);
    for (const name of ['Terminal', 'Cluster', 'Events', 'Inspector', 'Files']) {
      expect(await page.getByRole('region', { name }).count(), name).toBe(1);
    }
    expect(await page.getAttribute('.terminal-host:not([hidden]) textarea', 'aria-label')).toMatch(/^Terminal 1/);
    // The speed buttons are reachable and work from the keyboard.
    await page.getByRole('radio', { name: '10×' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (window as any).__kubesim.cluster.getState().clock.speed === 10);
    await page.getByRole('button', { name: 'Screen reader' }).click();
    await page.waitForSelector('.terminal-host:not([hidden]) .xterm-accessibility');
    await run(page, 'echo read me');
    await page.waitForFunction(() => document.querySelector('.xterm-accessibility')?.textContent?.includes('read me'));
    await close();
  });
});

describe('clipboard', () => {
  it('copies the selection with Ctrl-Shift-C and pastes with Ctrl-V', async () => {
    const { page, close } = await openApp(browser, baseUrl);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await run(page, 'echo copy-this-line');
    await page.evaluate(() => (window as any).__kubesim.terminals.t1.selectAll());
    await page.keyboard.press('Control+Shift+C');
    await page.waitForFunction(async () => (await navigator.clipboard.readText()).includes('copy-this-line'));
    await page.evaluate(() => navigator.clipboard.writeText('echo pasted-from-clipboard\n'));
    await page.focus('.terminal-host:not([hidden]) textarea');
    await page.keyboard.press('Control+V');
    await waitForTerminal(page, /\$ echo pasted-from-clipboard\npasted-from-clipboard\nlearner@kubesim:~\$$/);
    await close();
  });
});
