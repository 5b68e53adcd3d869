// The diagram's implicit links as a learner sees them: owners (Deployment → ReplicaSet → its pods'
// groups, StatefulSet → pods, CronJob → Jobs), a Service to its endpoints, an Ingress to its Service,
// a ConfigMap/Secret/PVC to the pods that use them; hover and selection highlight an object's links.
// Past COMPACT_PODS pods the pods are painted on a canvas: click-select and the hover tooltip still work.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp, run, screenshot, waitFor, waitForTerminal } from './harness';

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

/** A pasted heredoc has run: its "> EOF" line is followed by a fresh prompt (a command typed sooner would race it). */
const heredocDone = (page: Page) => waitForTerminal(page, /> EOF\nlearner@kubesim:[^\n]*\$ *$/);

const MANIFEST = `apiVersion: v1
kind: ConfigMap
metadata:
  name: site
data:
  index.html: hello
---
apiVersion: v1
kind: Secret
metadata:
  name: db-password
stringData:
  password: s3cret
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 30
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
        envFrom:
        - configMapRef:
            name: site
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  ingressClassName: nginx
  rules:
  - host: hello.local
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: web
            port:
              number: 80
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 1
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
      - name: postgres
        image: postgres:16
        env:
        - name: POSTGRES_PASSWORD
          valueFrom:
            secretKeyRef:
              name: db-password
              key: password
        volumeMounts:
        - name: data
          mountPath: /var/lib/postgresql/data
  volumeClaimTemplates:
  - metadata:
      name: data
    spec:
      accessModes: [ReadWriteOnce]
      resources:
        requests:
          storage: 1Gi
`;

/** Links by kind, source and target, as drawn. */
const links = (page: Page) => page.$$eval('path.link', (ps) => ps.map((p) => ({
  cls: p.getAttribute('class') ?? '', source: p.getAttribute('data-source') ?? '', target: p.getAttribute('data-target') ?? '' })));

describe('diagram links', () => {
  it('draws owners, routes and uses as links, bundled per owner group; hover and selection highlight them', async () => {
    const { page, errors, close } = await openApp(browser, baseUrl, { query: 'seed=5&nodes=3&speed=60', width: 1440, height: 900 });
    await page.evaluate((t) => (window as any).__kubesim.terminals.t1.paste(`cat <<'EOF' > app.yaml\n${t}EOF\n`), MANIFEST);
    await heredocDone(page);
    expect(await run(page, 'kubectl apply -f app.yaml')).toBe(['configmap/site created', 'secret/db-password created', 'deployment.apps/web created',
      'service/web created', 'ingress.networking.k8s.io/web created', 'statefulset.apps/db created', ''].join('\n'));
    await waitFor(page, '31 Running pods', async () => (await page.$$('.pod-chip.tone-ok[data-status="Running"]')).length === 31, 90_000);
    await page.click('.segmented button:first-child'); // pause: a still picture for the checks and the screenshot
    await page.waitForTimeout(700); // moves and fades end (an exiting link stays until its fade is over)

    // Owners: the Deployment over its ReplicaSet, the StatefulSet; each linked down to its pods' groups.
    const rs = await page.$$eval('.workload.is-child[data-id^="replicasets/default/web-"]', (els) => els.map((e) => e.getAttribute('data-id')!));
    expect(rs.length).toBe(1);
    const all = await links(page);
    const owner = all.filter((l) => l.cls.includes('link-Owner'));
    expect(owner.filter((l) => l.source === 'deployments/default/web').map((l) => l.target)).toEqual(rs);
    const webGroups = await page.$$eval('.owner-group', (gs) => gs.length);
    expect(webGroups).toBeGreaterThanOrEqual(3);
    const fromRs = owner.filter((l) => l.source === rs[0]).map((l) => l.target);
    expect(fromRs.length).toBeGreaterThanOrEqual(2);
    expect(fromRs.every((t) => /^node\/minikube(-m0\d)?\|default\/Deployment\/web$/.test(t))).toBe(true);
    expect(owner.filter((l) => l.source === 'statefulsets/default/db').map((l) => l.target)).toEqual([expect.stringMatching(/\|default\/StatefulSet\/db$/)]);
    // Routes: 30 endpoints are bundled per group; the Ingress reaches its Service; uses reach their pods.
    const svc = all.filter((l) => l.source === 'services/default/web');
    expect(svc.length).toBe(fromRs.length);
    expect(svc.every((l) => !l.cls.includes('is-idle'))).toBe(true);
    expect(all.filter((l) => l.source === 'ingresses/default/web').map((l) => l.target)).toEqual(['services/default/web']);
    expect(all.filter((l) => l.source === 'configmaps/default/site').length).toBe(fromRs.length);
    expect(all.filter((l) => l.source === 'secrets/default/db-password').map((l) => l.target)).toEqual(['default/db-0']);
    expect(all.filter((l) => l.source === 'persistentvolumeclaims/default/data-db-0').map((l) => l.target)).toEqual(['default/db-0']);
    // No label overflows its box.
    const overflow = await page.$$eval('.workload, .source, .pod-chip', (els) => els.flatMap((e) => {
      const box = e.querySelector('rect')!.getBoundingClientRect();
      return [...e.querySelectorAll('text')].filter((t) => t.getBoundingClientRect().right > box.right + 0.5).map((t) => t.textContent);
    }));
    expect(overflow).toEqual([]);

    // Hover the Deployment: its links (to the ReplicaSet, and the ReplicaSet's to the groups) stand out.
    await page.hover('.workload[data-id="deployments/default/web"]');
    await waitFor(page, 'the hover', async () => (await page.$$('path.link.is-hovered')).length === 1 + fromRs.length);
    await page.waitForTimeout(300);
    await screenshot(page, 'diagram-links-hover-1440x900-dark');
    // Select the Service: its routes and the Ingress's link into it are highlighted.
    await page.click('.source[data-select="services|default/web"]');
    await waitFor(page, 'the selection', async () => (await page.$$('path.link.is-highlighted')).length === svc.length + 1);
    await page.mouse.move(5, 5);

    // A rollout: the Deployment owns the old and the new ReplicaSet, each linked to the groups holding its pods.
    await page.click('.segmented button:has-text("1×")');
    await run(page, 'kubectl set image deployment/web nginx=nginx:1.27.3');
    await waitFor(page, 'two ReplicaSets', async () => (await page.$$('.workload.is-child[data-id^="replicasets/default/web-"]')).length === 2, 20_000);
    await page.click('.segmented button:first-child');
    await page.waitForTimeout(700);
    const both = await page.$$eval('.workload.is-child', (els) => els.map((e) => e.getAttribute('data-id')!));
    const now = await links(page);
    for (const id of both) expect(now.some((l) => l.source === 'deployments/default/web' && l.target === id), id).toBe(true);
    expect(both.filter((id) => now.some((l) => l.source === id && l.target.includes('|default/Deployment/web'))).length).toBe(2);
    await screenshot(page, 'diagram-links-rollout-1440x900-dark');
    expect(errors).toEqual([]);
    await close();
  });

  it('paints hundreds of pods on a canvas; a click selects a pod and a hover names it', async () => {
    const { page, errors, close } = await openApp(browser, baseUrl, { query: 'seed=3&nodes=3&speed=60', width: 1440, height: 900, theme: 'light' });
    expect(await run(page, 'kubectl create deployment big --image=nginx:1.27 --replicas=300')).toBe('deployment.apps/big created\n');
    await waitFor(page, '300 Running pods', async () => Number(await page.getAttribute('.diagram-svg', 'data-running')) === 300, 120_000);
    await page.click('.segmented button:first-child');
    expect(await page.$$('.pod-chip')).toHaveLength(0);
    expect(await page.textContent('.diagram-pane .pane-subtitle')).toContain('compact');
    // A pod's place on screen, from the layout the page drew (through the zoom transform).
    const at = await page.evaluate(() => {
      const svg = document.querySelector('.diagram-svg')!.getBoundingClientRect();
      const m = /translate\(([-\d.]+),([-\d.]+)\) scale\(([\d.]+)\)|scale\(([\d.]+)\)/.exec(document.querySelector('.diagram-root')!.getAttribute('transform') ?? '');
      const [tx, ty, k] = m ? (m[4] ? [0, 0, Number(m[4])] : [Number(m[1]), Number(m[2]), Number(m[3])]) : [0, 0, 1];
      const group = document.querySelector('.owner-group')!;
      const g = /translate\(([-\d.]+),([-\d.]+)\)/.exec(group.getAttribute('transform')!)!;
      // The first cell: 6 units in and 20 down from the group's corner (layout.ts GROUP_PAD, GROUP_HEAD), 12 units wide.
      return { x: svg.left + tx + (Number(g[1]) + 6 + 6) * k, y: svg.top + ty + (Number(g[2]) + 20 + 6) * k };
    });
    await page.mouse.move(at.x, at.y);
    await page.waitForSelector('.diagram-tip:not([hidden])');
    expect(await page.textContent('.diagram-tip')).toMatch(/^big-[a-z0-9]+-[a-z0-9]{5} · Running 1\/1 · minikube(-m0\d)?$/);
    await page.mouse.click(at.x, at.y);
    await waitFor(page, 'the pod selected', async () => page.evaluate(() => {
      const sel = (window as any).__kubesim.ui.getState().selection;
      return sel?.resource === 'pods' && /^default\/big-/.test(sel.key);
    }));
    await page.waitForTimeout(300);
    await screenshot(page, 'diagram-canvas-300-pods-1440x900-light');
    expect(errors).toEqual([]);
    await close();
  });

  it('labels the Inspector toggle by what it shows, with its state; the failover demo says what it set up', async () => {
    const { page, errors, close } = await openApp(browser, baseUrl, { query: 'seed=11', width: 1280, height: 720 });
    const toggle = page.getByRole('button', { name: 'Show the inspector pane' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await toggle.getAttribute('title')).toBe('Show the inspector pane (inspector and browser)');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');

    await page.click('button:has-text("Failover demo")');
    const text = await waitForTerminal(page, /deployment\.apps\/web created\nservice\/web created\n/, 't1', 30_000);
    const banner = text.slice(text.indexOf('Failover demo'));
    expect(banner).toMatch(/^Failover demo · a fresh cluster was set up \(your files were kept\):\n {2}• 3 nodes: minikube, minikube-m02, minikube-m03\n/);
    expect(banner).toContain('• Deployment web: 6 nginx pods behind Service web (~/failover-demo.yaml, applied below)');
    expect(banner).toContain('its pods evicted 30 s later (default 300 s)');
    expect(banner).toMatch(/watch its pods move to the others\.\nlearner@kubesim:~\$ kubectl apply -f failover-demo\.yaml\n/);
    await page.waitForTimeout(300);
    await screenshot(page, 'failover-banner-1280x720-dark');
    expect(errors).toEqual([]);
    await close();
  });
});
