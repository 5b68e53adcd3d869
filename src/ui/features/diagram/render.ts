// Draws a DiagramLayout into an SVG group with d3 data joins keyed by identity (a pod by its uid),
// so a pod that gets scheduled slides from the not-scheduled lane to its node, new pods fade in,
// deleted ones fade out. Compact layouts (hundreds of pods) skip the motion: the join alone is the frame.
import { select, transition, type BaseType, type Selection } from 'd3';
import type { ChipBox, DiagramLayout, GroupBox, LinkPath, PodBox, RegionBox, SourceBox } from './layout';
import type { WorkloadBox } from './layout-workloads';
import { fitText, measurer, type Measure } from './text-fit';

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif';
let fonts: { title: Measure; small: Measure; kind: Measure; label: Measure } | undefined;
// `kind` is the small size in the kinds' weight (600): measured in the regular weight, "StatefulSet" is 9 px short.
const m = () => (fonts ??= { title: measurer(`600 12.5px ${FONT}`, 12.5), small: measurer(`11px ${FONT}`, 11), kind: measurer(`600 11px ${FONT}`, 11),
  label: measurer(`600 11.5px ${FONT}`, 11.5) });

/** How long moves take (ms); 0 draws at once. */
export const MOTION_MS = 450;

type G = Selection<SVGGElement, unknown, null, undefined>;

/** What a drawn element remembers of its last draw, so an unchanged one costs nothing. */
type Drawn = Element & { __sig?: string; __t?: string; __d?: string };

/**
 * True when `el` was last drawn with `sig` (else records it): a redraw that would set the same
 * attributes and texts is skipped, since even an equal text replaces its node and makes the browser
 * lay the SVG out again.
 */
function unchanged(el: Element, sig: string): boolean {
  const d = el as Drawn;
  if (d.__sig === sig) return true;
  d.__sig = sig;
  return false;
}
const tr = (b: { x: number; y: number }) => `translate(${Math.round(b.x * 10) / 10},${Math.round(b.y * 10) / 10})`;
const short = (s: string) => s.replace(/^PersistentVolumeClaim$/, 'PVC').replace(/^ConfigMap$/, 'CM');

/** Creates the layers inside `root` (once). */
export function ensureLayers(root: SVGGElement): void {
  const g = select(root);
  for (const name of ['regions', 'links', 'workloads', 'sources', 'chips', 'groups', 'pods']) {
    if (g.select(`g.layer-${name}`).empty()) g.append('g').attr('class', `layer-${name}`);
  }
}

function drawRegions(root: G, regions: RegionBox[]): void {
  root.select('g.layer-regions').selectAll<SVGGElement, RegionBox>('g.region').data(regions, (d) => d.id)
    .join((enter) => {
      const g = enter.append('g');
      g.append('rect').attr('class', 'region-box').attr('rx', 10);
      g.append('text').attr('class', 'region-title');
      g.append('text').attr('class', 'region-subtitle');
      g.append('title');
      return g;
    })
    .each(function (d) {
      const down = d.node && (d.node.ready !== 'True' || d.node.stopped);
      const cls = `region region-${d.kind}${down ? ' is-down' : ''}${d.node?.cordoned ? ' is-cordoned' : ''}`;
      if (unchanged(this, `${cls}|${d.x},${d.y},${d.w},${d.h}|${d.title}|${d.subtitle}|${d.empty}`)) return;
      const g = select(this);
      g.attr('class', cls).attr('transform', tr(d))
        .attr('data-select', d.node ? `nodes|${d.node.name}` : null)
        .attr('data-node', d.node?.name ?? null)
        .attr('tabindex', d.node ? 0 : null)
        .attr('role', d.node ? 'button' : null)
        .attr('aria-label', d.node ? `Node ${d.node.name}, ${d.subtitle}` : null);
      g.select('rect').attr('width', d.w).attr('height', d.h);
      const head = d.kind === 'node' || d.kind === 'pending';
      // Bands carry a short uppercase label in their left column (no wider than the column).
      g.select('text.region-title').attr('x', head ? 30 : 12).attr('y', head ? 20 : 22)
        .text(fitText(d.title, head ? d.w - 44 : 132, head ? m().title : m().label));
      g.select('text.region-subtitle').attr('x', 30).attr('y', 36)
        .text(head ? fitText(d.subtitle, d.w - 44, m().small) : '');
      g.select('title').text(d.node ? `Node ${d.node.name}: ${d.subtitle}` : d.title);
      g.selectAll('text.region-empty').data(d.empty ? [d] : []).join('text').attr('class', 'region-empty')
        .attr('x', d.w / 2).attr('y', 44 + (d.h - 44) / 2 + 4).text('No pods');
      g.selectAll('circle.region-dot').data(head ? [d] : []).join('circle').attr('class', 'region-dot').attr('cx', 16).attr('cy', 16).attr('r', 5)
        .attr('data-tone', (x) => (x.kind === 'pending' ? 'progress' : x.node?.stopped ? 'error' : x.node?.ready === 'True' ? 'ok' : 'error'));
    });
}

function drawChips(root: G, chips: ChipBox[]): void {
  root.select('g.layer-chips').selectAll<SVGGElement, ChipBox>('g.cp-chip').data(chips, (d) => d.id)
    .join((enter) => {
      const g = enter.append('g');
      g.append('rect').attr('rx', 6);
      g.append('circle').attr('r', 4).attr('cx', 13);
      g.append('text').attr('x', 24);
      g.append('title');
      return g;
    })
    .each(function (d) {
      if (unchanged(this, `${d.tone}|${d.x},${d.y},${d.w}|${d.name}|${d.pod}`)) return;
      const g = select(this);
      g.attr('class', `cp-chip tone-${d.tone}`).attr('transform', tr(d)).attr('data-select', d.pod ? `pods|${d.pod}` : null);
      g.select('rect').attr('width', d.w).attr('height', d.h);
      g.select('circle').attr('cy', d.h / 2);
      g.select('text').attr('y', d.h / 2 + 4).text(fitText(d.name, d.w - 30, m().small));
      g.select('title').text(d.pod ? `${d.name}: static pod ${d.pod}` : d.name);
    });
}

function drawSources(root: G, sources: SourceBox[]): void {
  root.select('g.layer-sources').selectAll<SVGGElement, SourceBox>('g.source').data(sources, (d) => d.id)
    .join((enter) => {
      const g = enter.append('g');
      g.append('rect').attr('class', 'source-box').attr('rx', 8);
      g.append('text').attr('class', 'source-kind').attr('x', 10).attr('y', 16);
      g.append('text').attr('class', 'source-name').attr('y', 16);
      g.append('text').attr('class', 'source-detail').attr('x', 10).attr('y', 31);
      g.append('title');
      return g;
    })
    .each(function (d) {
      const src = d.source;
      if (unchanged(this, `${d.x},${d.y},${d.w}|${src.detail}|${src.targets.length}`)) return;
      const g = select(this);
      g.attr('class', `source source-${src.resource}`).attr('transform', tr(d)).attr('data-select', `${src.resource}|${src.key}`)
        .attr('tabindex', 0).attr('role', 'button').attr('aria-label', `${src.kind} ${src.name}`);
      const kind = short(d.source.kind);
      g.select('rect').attr('width', d.w).attr('height', d.h);
      g.select('text.source-kind').text(kind);
      const kx = 10 + m().kind(kind) + 5;
      g.select('text.source-name').attr('x', kx).text(fitText(d.source.name, d.w - kx - 8, m().label));
      const n = d.source.targets.length;
      const reach = d.source.kind === 'Ingress' ? `${n} service${n === 1 ? '' : 's'}` : d.source.kind === 'Service' ? `${n} pod${n === 1 ? '' : 's'}`
        : `used by ${n} pod${n === 1 ? '' : 's'}`;
      g.select('text.source-detail').text(fitText(`${d.source.detail} · ${reach}`, d.w - 18, m().small));
      g.select('title').text(`${d.source.kind} ${d.source.namespace}/${d.source.name}: ${d.source.detail} → ${reach}`);
    });
}


/** Moves an element to `t` (animated when it had a place before and motion is on). */
function place(el: Drawn, t: string, ms: number): void {
  if (el.__t === t) return;
  if (ms && el.__t) select(el).transition('move').duration(ms).attr('transform', t);
  else el.setAttribute('transform', t);
  el.__t = t;
}

/** The short kind a workload box or chip shows before its name. */
// Boxes fade in and out (named transitions: the next redraw's move must not interrupt a fade, or it would
// stay half done); an exiting box takes no more clicks.
function fadeIn<D>(g: Selection<SVGGElement, D, BaseType, unknown>, ms: number): void {
  if (ms) g.style('opacity', 0).transition(transition('fade').duration(ms)).style('opacity', 1);
}

function fadeOut<D>(exit: Selection<SVGGElement, D, BaseType, unknown>, ms: number): void {
  if (ms) exit.attr('pointer-events', 'none').transition(transition('fade').duration(ms * 0.7)).style('opacity', 0).remove();
  else exit.remove();
}

const WORKLOAD_KIND: Record<string, string> = { ReplicaSet: 'RS', Job: 'Job' };

function drawWorkloads(root: G, boxes: WorkloadBox[], ms: number): void {
  root.select('g.layer-workloads').selectAll<SVGGElement, WorkloadBox>('g.workload').data(boxes, (d) => d.id)
    .join(
      (enter) => {
        const g = enter.append('g');
        g.append('rect').attr('class', 'workload-box');
        g.append('text').attr('class', 'workload-kind');
        g.append('text').attr('class', 'workload-name');
        g.append('text').attr('class', 'workload-detail').attr('x', 10).attr('y', 31);
        g.append('title');
        fadeIn(g, ms);
        return g;
      },
      (update) => update,
      (exit) => fadeOut(exit, ms),
    )
    .each(function (d) {
      const el = this as Drawn;
      place(el, tr(d), ms);
      const it = d.item;
      const child = !!d.parent;
      const sig = `${d.w}|${d.h}|${it.detail}|${it.pods}|${it.short}`;
      if (el.__sig === sig) return;
      el.__sig = sig;
      const g = select(this);
      g.attr('class', `workload workload-${it.resource}${child ? ' is-child' : ''}`)
        .attr('data-select', `${it.resource}|${it.key}`).attr('data-id', d.id)
        .attr('tabindex', 0).attr('role', 'button').attr('aria-label', `${it.kind} ${it.name}, ${it.detail}`);
      g.select('rect').attr('width', d.w).attr('height', d.h).attr('rx', child ? 6 : 8);
      const kind = child ? WORKLOAD_KIND[it.kind] ?? it.kind : it.kind;
      const y = child ? d.h / 2 + 4 : 16;
      g.select('text.workload-kind').attr('x', child ? 8 : 10).attr('y', y).text(kind);
      const kx = (child ? 8 : 10) + m().kind(kind) + 5;
      const n = it.pods;
      const name = child ? `${it.short} · ${n}` : it.name;
      g.select('text.workload-name').attr('x', kx).attr('y', y).text(fitText(name, d.w - kx - 6, m().label));
      g.select('text.workload-detail').text(child ? '' : fitText(it.detail, d.w - 18, m().small));
      g.select('title').text(`${it.kind} ${it.namespace}/${it.name}: ${it.detail}${n ? `, ${n} pod${n === 1 ? '' : 's'}` : ''}`);
    });
}

function drawLinks(root: G, links: LinkPath[], ms: number): void {
  root.select('g.layer-links').selectAll<SVGPathElement, LinkPath>('path.link').data(links, (d) => d.id)
    .join(
      (enter) => {
        const p = enter.append('path');
        // A link fades in with what it reaches (its first place set below, without a move).
        // (stroke-opacity, so the fade composes with the stylesheet's opacity for idle and highlighted links).
        if (ms) p.style('stroke-opacity', 0).transition(transition('fade').duration(ms)).style('stroke-opacity', 1);
        return p;
      },
      (update) => update,
      (exit) => (ms ? exit.transition(transition('fade').duration(ms * 0.7)).style('stroke-opacity', 0).remove() : exit.remove()),
    )
    .each(function (d) {
      const el = this as Drawn;
      const cls = `link link-${d.kind}${d.live ? '' : ' is-idle'}`;
      if (el.__sig !== cls) {
        el.__sig = cls;
        // Keep the hover and selection marks across a state change (markLinks set them).
        const marks = ['is-highlighted', 'is-hovered'].filter((c) => el.classList.contains(c));
        el.setAttribute('class', [cls, ...marks].join(' '));
        el.setAttribute('data-source', d.source);
        el.setAttribute('data-target', d.target);
        el.setAttribute('data-chain', ` ${d.chain.join(' ')} `);
      }
      if (el.__d === d.d) return;
      if (ms && el.__d) select(el).transition('move').duration(ms).attr('d', d.d);
      else el.setAttribute('d', d.d);
      el.__d = d.d;
    });
}

function drawGroups(root: G, groups: GroupBox[], compact: boolean): void {
  root.select('g.layer-groups').selectAll<SVGGElement, GroupBox>('g.owner-group').data(groups, (d) => d.id)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'owner-group');
      g.append('rect').attr('rx', 7);
      g.append('text').attr('class', 'group-label').attr('x', 8).attr('y', 14);
      return g;
    })
    .each(function (d) {
      const ns = d.group.namespace === 'default' ? '' : `${d.group.namespace} · `;
      const running = d.tones.ok ?? 0;
      const summary = compact ? ` · ${d.count} pods, ${running} ready` : d.count > 1 ? ` ×${d.count}` : '';
      const label = `${ns}${d.group.label}${summary}`;
      const el = this as Drawn;
      const sig = `${d.x},${d.y},${d.w},${d.h}|${label}`;
      if (el.__sig === sig) return;
      el.__sig = sig;
      const g = select(this);
      g.attr('transform', tr(d))
        .attr('data-select', d.group.kind === 'Pod' ? null : `${d.group.kind.toLowerCase()}s|${d.group.namespace}/${d.group.name}`);
      g.select('rect').attr('width', d.w).attr('height', d.h);
      g.select('text.group-label').text(fitText(label, d.w - 16, m().small));
    });
}

/** Past this many pods moving at once they snap into place: a mass reflow is neither cheap nor readable. */
export const MAX_ANIMATED_MOVES = 40;

function drawPods(root: G, pods: PodBox[], compact: boolean, motion: number, selected: string | undefined): void {
  let ms = motion;
  if (ms) {
    const next = new Map(pods.map((p) => [p.id, tr(p)]));
    let moves = 0;
    root.select('g.layer-pods').selectAll<SVGGElement, PodBox>('g.pod-chip').each(function (d) {
      const el = this as Drawn;
      const t = next.get(d.id);
      if (el.__t && t && el.__t !== t) moves++;
    });
    if (moves > MAX_ANIMATED_MOVES) ms = 0;
  }
  root.select('g.layer-pods').selectAll<SVGGElement, PodBox>('g.pod-chip').data(pods, (d) => d.id)
    .join(
      (enter) => {
        const g = enter.append('g');
        g.append('rect').attr('class', 'pod-box');
        g.append('circle').attr('class', 'pod-dot').attr('cx', 11).attr('cy', 12).attr('r', 4);
        g.append('text').attr('class', 'pod-name').attr('x', 20).attr('y', 15.5);
        g.append('text').attr('class', 'pod-status').attr('x', 20).attr('y', 28);
        g.append('title');
        fadeIn(g, ms);
        return g;
      },
      (update) => update,
      (exit) => fadeOut(exit, ms),
    )
    .each(function (d) {
      const el = this as Drawn;
      place(el, tr(d), ms);
      const p = d.pod;
      const sel = selected === `pods|${p.key}`;
      const sig = `${compact}|${d.w}|${p.tone}|${p.terminating}|${p.status}|${p.ready}|${p.node ?? ''}|${sel}`;
      if (el.__sig === sig) return;
      el.__sig = sig;
      const g = select(this);
      g.attr('class', `pod-chip tone-${p.tone}${p.terminating ? ' is-terminating' : ''}${sel ? ' is-selected' : ''}`)
        .attr('data-select', `pods|${p.key}`).attr('data-pod', p.key).attr('data-status', p.status)
        // Keyboard: labelled pods are tab stops (compact squares are not: a thousand stops help nobody).
        .attr('tabindex', compact ? null : 0).attr('role', compact ? null : 'button')
        .attr('aria-label', compact ? null : `Pod ${p.name}, ${p.status}`);
      g.select('rect.pod-box').attr('width', d.w).attr('height', d.h).attr('rx', compact ? 2 : 6);
      g.select('title').text(`Pod ${p.namespace}/${p.name}: ${p.status} (${p.ready} ready)${p.node ? ` on ${p.node}` : ''}`);
      g.select('circle.pod-dot').attr('display', compact ? 'none' : null);
      g.select('text.pod-name').text(compact ? '' : fitText(p.name, d.w - 26, m().label));
      const status = p.status === 'Running' ? `Running ${p.ready}` : p.status;
      g.select('text.pod-status').text(compact ? '' : fitText(status, d.w - 26, m().small));
    });
}

/** Draws `layout` into `root` (layers from ensureLayers); `canvasPods`: the pods are painted elsewhere (pod-canvas.ts). */
export function renderDiagram(rootEl: SVGGElement, layout: DiagramLayout, opts: { motion: boolean; selected?: string; canvasPods?: boolean }): void {
  const root = select(rootEl) as unknown as G;
  const ms = opts.motion && !layout.compact ? MOTION_MS : 0;
  drawRegions(root, layout.regions);
  drawChips(root, layout.chips);
  drawSources(root, layout.sources);
  drawLinks(root, layout.links, ms);
  drawWorkloads(root, layout.workloads, ms);
  drawGroups(root, layout.groups, layout.compact);
  // Pods painted on the canvas leave the SVG layer empty.
  drawPods(root, opts.canvasPods ? [] : layout.pods, layout.compact, ms, opts.selected);
}

/**
 * Marks the selected object ("resource|key") and the routes of a selected source. After a draw the
 * pods are skipped (`pods: false`): the draw marked the ones it touched, and walking a thousand pods
 * per frame is what it avoids.
 */
export function markSelection(rootEl: SVGGElement, selected: string | undefined, opts: { pods?: boolean } = {}): void {
  for (const el of rootEl.querySelectorAll(opts.pods === false ? '[data-select]:not(.pod-chip)' : '[data-select]')) {
    toggle(el, 'is-selected', el.getAttribute('data-select') === selected);
  }
  markLinks(rootEl, 'is-highlighted', selected);
}

/** Sets or clears a class only when it differs (a class write, even an equal one, restyles the element). */
function toggle(el: Element, cls: string, on: boolean): void {
  if (el.classList.contains(cls) !== on) el.classList.toggle(cls, on);
}

/**
 * Highlights (`cls`) the links of an object ("resource|key"): those it is in the chain of (a source's
 * routes, an owner's links down to its pods' groups) and, for a pod, the routes ending at it.
 */
export function markLinks(rootEl: SVGGElement, cls: string, target: string | undefined): void {
  const id = target?.replace('|', '/');
  const pod = target?.startsWith('pods|') ? target.slice(5) : undefined;
  select(rootEl).selectAll<SVGPathElement, LinkPath>('path.link')
    .each(function (d) { toggle(this, cls, !!id && (d.chain.includes(id) || d.target === pod)); });
}
