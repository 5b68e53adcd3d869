// The live cluster diagram: the mirror → a model → a layout → an SVG drawn by d3 (compact layouts
// paint their pods on a canvas above it), zoomable and pannable (wheel scrolls, Ctrl+wheel or the
// buttons zoom, drag pans), a click selects, a hover highlights an object's links. Each draw is
// timed into window.__kubesim.diagramFrames (the benchmark's ui.diagram_frame_ms).
import { useEffect, useMemo, useRef, useState } from 'react';
import { select, zoom, zoomIdentity, type ZoomBehavior } from 'd3';
import { useCluster, useObjects, useUi, ui } from '../../store';
import { hooks } from '../terminal';
import { buildModel } from './model';
import { layoutDiagram, type DiagramLayout } from './layout';
import { ensureLayers, markLinks, markSelection, renderDiagram } from './render';
import { paintPods, podAt, podColors, type PodColors, type View } from './pod-canvas';
import type { PodBox } from './layout';
import { DetailCard } from './DetailCard';
import { FailoverDemoButton } from './FailoverDemo';
import './diagram.css';

const FRAME_SAMPLES = 300;

/** One diagram update's main-thread cost: all of it, its script, model + layout, the d3/canvas draw. */
interface FrameSample { ms: number; js: number; pods: number; prep: number; draw: number }

function recordFrame(sample: FrameSample): void {
  const h = hooks() as { diagramFrames?: FrameSample[] };
  const list = (h.diagramFrames ??= []);
  list.push(sample);
  if (list.length > FRAME_SAMPLES) list.shift();
}

function useSize(ref: React.RefObject<HTMLElement | null>): { w: number; h: number } {
  const [size, setSize] = useState({ w: 0, h: 0 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const read = () => setSize((s) => (s.w === el.clientWidth && s.h === el.clientHeight ? s : { w: el.clientWidth, h: el.clientHeight }));
    const ro = new ResizeObserver(read);
    ro.observe(el);
    read();
    return () => ro.disconnect();
  }, [ref]);
  return size;
}

/** The smallest scale the fitted view goes to; below it the learner pans. */
const MIN_FIT = 0.7;

/**
 * Lays the model out to fill the stage: when it is taller than the stage, it is laid out wider
 * and scaled down (to MIN_FIT at most) so the whole cluster shows at once.
 */
function fitLayout(model: ReturnType<typeof buildModel>, w: number, h: number, prevK = 1): { layout: DiagramLayout; k: number } {
  if (prevK < 1 && h > 0) {
    // Keep the last scale while it still fits and is not needlessly small: one layout per frame, and no zoom jitter.
    const l = layoutDiagram(model, w / prevK);
    const fits = l.height * prevK <= h + 1;
    if ((fits && h / l.height <= prevK * 1.05) || (!fits && prevK <= MIN_FIT)) return { layout: l, k: prevK };
  }
  const base = layoutDiagram(model, w);
  if (base.height <= h || h <= 0) return { layout: base, k: 1 };
  // A wider layout is shorter: two refinements settle the scale.
  let k = Math.max(MIN_FIT, h / base.height);
  let layout = layoutDiagram(model, w / k);
  const k2 = Math.max(MIN_FIT, Math.min(1, h / layout.height));
  if (k2 < k) {
    k = k2;
    layout = layoutDiagram(model, w / k);
  }
  return { layout, k };
}

/** The cluster diagram pane. */
export function ClusterDiagram() {
  // Only what the diagram draws: an events-only batch must not redraw it.
  const pods = useObjects('pods');
  const nodes = useObjects('nodes');
  const replicasets = useObjects('replicasets');
  const services = useObjects('services');
  const ingresses = useObjects('ingresses');
  const persistentvolumeclaims = useObjects('persistentvolumeclaims');
  const configmaps = useObjects('configmaps');
  const secrets = useObjects('secrets');
  const endpointslices = useObjects('endpointslices');
  const deployments = useObjects('deployments');
  const statefulsets = useObjects('statefulsets');
  const daemonsets = useObjects('daemonsets');
  const jobs = useObjects('jobs');
  const cronjobs = useObjects('cronjobs');
  const theme = useUi((s) => s.theme);
  const stopped = useCluster((s) => s.stoppedNodes);
  const booted = useCluster((s) => s.booted);
  const selection = useUi((s) => s.selection);
  const [system, setSystem] = useState(false);
  const stage = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const root = useRef<SVGGElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  /** The zoom transform (the canvas paints through it). */
  const view = useRef<View>({ k: 1, x: 0, y: 0 });
  /** The pods the canvas shows (compact layouts), the hovered one, and the theme's colours. */
  const canvasPods = useRef<PodBox[] | undefined>(undefined);
  const hovered = useRef<string | undefined>(undefined);
  const colors = useRef<PodColors | undefined>(undefined);
  const selectedRef = useRef<string | undefined>(undefined);
  /** The canvas pods' tooltip, set directly (a pointer move must not re-render the pane). */
  const tip = useRef<HTMLDivElement>(null);
  const showTip = (t: { x: number; y: number; text: string } | undefined) => {
    const el = tip.current;
    if (!el) return;
    el.hidden = !t;
    if (svg.current) svg.current.style.cursor = t ? 'pointer' : '';
    if (!t) return;
    if (el.textContent !== t.text) el.textContent = t.text;
    el.style.transform = `translate(${Math.round(t.x + 12)}px,${Math.round(t.y + 14)}px)`;
  };
  const zoomer = useRef<ZoomBehavior<SVGSVGElement, unknown> | undefined>(undefined);
  const size = useSize(stage);
  const sizeRef = useRef(size);
  sizeRef.current = size;
  /** The fitted scale last applied (applying it again would cost a forced layout per frame). */
  const appliedK = useRef(0);
  /** The learner zoomed or panned: the view stops fitting itself until "Fit". */
  const userMoved = useRef(false);
  const lastK = useRef(1);
  /** Milliseconds spent on the model and layout since the last draw (part of the frame's cost). */
  const prepMs = useRef(0);
  const model = useMemo(() => {
    const t = performance.now();
    const m = buildModel({ pods, nodes, replicasets, services, ingresses, persistentvolumeclaims, configmaps, secrets, endpointslices,
      deployments, statefulsets, daemonsets, jobs, cronjobs }, { system, stopped });
    prepMs.current += performance.now() - t;
    return m;
  }, [pods, nodes, replicasets, services, ingresses, persistentvolumeclaims, configmaps, secrets, endpointslices, deployments, statefulsets,
    daemonsets, jobs, cronjobs, system, stopped]);
  const fitted = useMemo(() => {
    const t = performance.now();
    const f = size.w ? fitLayout(model, size.w, size.h, lastK.current) : undefined;
    if (f) lastK.current = f.k;
    prepMs.current += performance.now() - t;
    return f;
  }, [model, size]);
  const layout = fitted?.layout;
  const selected = selection ? `${selection.resource}|${selection.key}` : undefined;
  selectedRef.current = selected;

  /** Paints the canvas pods (no-op for SVG layouts): after a draw, a zoom, a hover or a selection. */
  const paint = () => {
    const c = canvas.current;
    const list = canvasPods.current;
    if (!c) return;
    if (!list) {
      if (c.width) c.width = 0;
      return;
    }
    colors.current ??= podColors(c);
    const sel = selectedRef.current?.startsWith('pods|') ? selectedRef.current.slice(5) : undefined;
    paintPods(c, list, view.current, { w: sizeRef.current.w, h: sizeRef.current.h, colors: colors.current, selected: sel, hovered: hovered.current });
  };
  const paintRef = useRef(paint);
  paintRef.current = paint;
  const paintQueued = useRef(false);
  const queuePaint = () => {
    if (paintQueued.current) return;
    paintQueued.current = true;
    requestAnimationFrame(() => {
      paintQueued.current = false;
      paintRef.current();
    });
  };

  useEffect(() => {
    const s = svg.current;
    if (!s) return undefined;
    // The extent comes from the measured stage: d3's default reads the SVG's size, a forced layout on every call.
    const z = zoom<SVGSVGElement, unknown>().scaleExtent([0.15, 4])
      .extent(() => [[0, 0], [Math.max(1, sizeRef.current.w), Math.max(1, sizeRef.current.h)]])
      .filter((e: Event) => (e.type === 'wheel' ? (e as WheelEvent).ctrlKey || (e as WheelEvent).metaKey : !(e as MouseEvent).button))
      .on('zoom', (e: { transform: { toString(): string }; sourceEvent: unknown }) => {
        if (e.sourceEvent) userMoved.current = true;
        root.current?.setAttribute('transform', e.transform.toString());
        view.current = e.transform as unknown as View;
        // At once, not next frame: the pods must move with the SVG under them while the view pans.
        if (canvasPods.current) paintRef.current();
      });
    zoomer.current = z;
    const sel = select(s).call(z).on('dblclick.zoom', null);
    // A plain wheel scrolls the picture, as a page would.
    sel.on('wheel.pan', (e: WheelEvent) => {
      if (e.ctrlKey || e.metaKey) return;
      e.preventDefault();
      z.translateBy(sel, -e.deltaX, -e.deltaY);
    });
    return () => { sel.on('.zoom', null).on('wheel.pan', null); };
  }, []);

  useEffect(() => {
    if (!root.current || !layout) return;
    const t0 = performance.now();
    if (!userMoved.current && svg.current && zoomer.current && appliedK.current !== fitted!.k) {
      appliedK.current = fitted!.k;
      select(svg.current).call(zoomer.current.transform, zoomIdentity.scale(fitted!.k));
    }
    ensureLayers(root.current);
    canvasPods.current = layout.compact ? layout.pods : undefined;
    renderDiagram(root.current, layout, { motion: !matchMedia('(prefers-reduced-motion: reduce)').matches, selected, canvasPods: layout.compact });
    markSelection(root.current, selected, { pods: false });
    paint();
    const draw = performance.now() - t0;
    const js = draw + prepMs.current;
    // Force style and layout now, so the sample is the frame's whole main-thread cost (the page's, in fact:
    // other panes' pending layout is flushed too).
    root.current.getBoundingClientRect();
    recordFrame({ ms: performance.now() - t0 + prepMs.current, js, pods: layout.pods.length, prep: prepMs.current, draw });
    prepMs.current = 0;
    svg.current?.setAttribute('data-pods', String(layout.pods.length));
    svg.current?.setAttribute('data-running', String(layout.pods.filter((p) => p.pod.status === 'Running' && p.pod.tone === 'ok').length));
    // `selected` is read, not a dependency: when only it changes the next effect marks it, without a redraw.
  }, [layout]);

  useEffect(() => {
    if (root.current) markSelection(root.current, selected);
    if (canvasPods.current) queuePaint();
  }, [selected]);

  useEffect(() => {
    colors.current = undefined;
    queuePaint();
  }, [theme]);

  const zoomBy = (k: number) => {
    userMoved.current = true;
    if (svg.current && zoomer.current) select(svg.current).call(zoomer.current.scaleBy, k);
  };
  const fit = () => {
    userMoved.current = false;
    appliedK.current = fitted?.k ?? 1;
    if (svg.current && zoomer.current) select(svg.current).call(zoomer.current.transform, zoomIdentity.scale(fitted?.k ?? 1));
  };
  /** The canvas pod under a pointer event, if the pods are on the canvas. */
  const canvasPodAt = (e: React.MouseEvent): PodBox | undefined => {
    if (!canvasPods.current || !stage.current) return undefined;
    const r = stage.current.getBoundingClientRect();
    const v = view.current;
    return podAt(canvasPods.current, (e.clientX - r.left - v.x) / v.k, (e.clientY - r.top - v.y) / v.k, 1.5);
  };
  const selectAt = (target: EventTarget, e?: React.MouseEvent) => {
    const hit = e && canvasPodAt(e);
    const v = hit ? `pods|${hit.pod.key}` : (target as Element).closest?.('[data-select]')?.getAttribute('data-select');
    if (!v) return;
    const [resource, key] = v.split('|');
    ui.select({ resource, key });
  };
  const onClick = (e: React.MouseEvent) => selectAt(e.target, e);
  /** Hover: an object's links stand out; a canvas pod gets a ring and a tooltip (an SVG chip has its title). */
  const hoverKey = useRef<string | undefined>(undefined);
  const onPointerMove = (e: React.MouseEvent) => {
    const hit = canvasPodAt(e);
    const key = hit ? `pods|${hit.pod.key}` : (e.target as Element).closest?.('[data-select]')?.getAttribute('data-select') ?? undefined;
    if (hit && stage.current) {
      const r = stage.current.getBoundingClientRect();
      const p = hit.pod;
      showTip({ x: e.clientX - r.left, y: e.clientY - r.top,
        text: `${p.namespace === 'default' ? '' : `${p.namespace}/`}${p.name} · ${p.status === 'Running' ? `Running ${p.ready}` : p.status}${p.node ? ` · ${p.node}` : ''}` });
    } else showTip(undefined);
    if (key === hoverKey.current) return;
    hoverKey.current = key;
    if (root.current) markLinks(root.current, 'is-hovered', key);
    const pod = hit?.pod.key;
    if (pod !== hovered.current) {
      hovered.current = pod;
      queuePaint();
    }
  };
  const onPointerLeave = () => {
    hoverKey.current = undefined;
    if (root.current) markLinks(root.current, 'is-hovered', undefined);
    if (hovered.current) {
      hovered.current = undefined;
      queuePaint();
    }
    showTip(undefined);
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    selectAt(e.target);
  };
  const visible = model.pods.length;
  return (
    <section className="pane diagram-pane" aria-label="Cluster">
      <div className="pane-header">
        <h2>Cluster</h2>
        <span className="pane-subtitle">{model.nodes.length} {model.nodes.length === 1 ? 'node' : 'nodes'} · {visible} pods{layout?.compact ? ' · compact' : ''}</span>
        <div className="pane-actions">
          <label className="check">
            <input type="checkbox" checked={system} onChange={(e) => setSystem(e.target.checked)} />
            <span>System pods{!system && model.hidden ? ` (${model.hidden})` : ''}</span>
          </label>
          <FailoverDemoButton />
          <span className="zoom-buttons" role="group" aria-label="Zoom">
            <button className="icon-button" onClick={() => zoomBy(1 / 1.25)} aria-label="Zoom out" title="Zoom out (Ctrl+wheel)">−</button>
            <button className="icon-button" onClick={fit} aria-label="Fit the cluster" title="Fit the cluster in view">⤢</button>
            <button className="icon-button" onClick={() => zoomBy(1.25)} aria-label="Zoom in" title="Zoom in (Ctrl+wheel)">+</button>
          </span>
        </div>
      </div>
      <div className="pane-body diagram-main">
        <div className="diagram-stage" ref={stage}>
          <svg ref={svg} className="diagram-svg" role="group" aria-label={`Cluster diagram: ${model.nodes.length} nodes, ${visible} pods`}
            onClick={onClick} onKeyDown={onKeyDown} onPointerMove={onPointerMove} onPointerLeave={onPointerLeave}>
            <g ref={root} className="diagram-root" />
          </svg>
          <canvas ref={canvas} className="diagram-canvas" aria-hidden="true" />
          <div ref={tip} className="diagram-tip" role="tooltip" hidden />
          {!booted && model.nodes.length === 0 && <p className="empty-state diagram-empty">Starting the cluster…</p>}
        </div>
        <DetailCard nodes={model.nodes} />
      </div>
    </section>
  );
}
