// The live cluster diagram: the mirror → a model → a layout → an SVG drawn by d3, zoomable and
// pannable (wheel scrolls, Ctrl+wheel or the buttons zoom, drag pans), a click selects. Each draw is
// timed into window.__kubesim.diagramFrames (the benchmark's ui.diagram_frame_ms).
import { useEffect, useMemo, useRef, useState } from 'react';
import { select, zoom, zoomIdentity, type ZoomBehavior } from 'd3';
import { useCluster, useUi, ui } from '../../store';
import { hooks } from '../terminal';
import { buildModel } from './model';
import { layoutDiagram } from './layout';
import { ensureLayers, markSelection, renderDiagram } from './render';
import { DetailCard } from './DetailCard';
import { FailoverDemoButton } from './FailoverDemo';
import './diagram.css';

const FRAME_SAMPLES = 300;

function recordFrame(ms: number, pods: number): void {
  const h = hooks() as { diagramFrames?: { ms: number; pods: number }[] };
  const list = (h.diagramFrames ??= []);
  list.push({ ms, pods });
  if (list.length > FRAME_SAMPLES) list.shift();
}

function useWidth(ref: React.RefObject<HTMLElement | null>): number {
  const [w, setW] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const ro = new ResizeObserver(() => setW(Math.round(el.clientWidth)));
    ro.observe(el);
    setW(Math.round(el.clientWidth));
    return () => ro.disconnect();
  }, [ref]);
  return w;
}

/** The cluster diagram pane. */
export function ClusterDiagram() {
  const objects = useCluster((s) => s.objects);
  const stopped = useCluster((s) => s.stoppedNodes);
  const booted = useCluster((s) => s.booted);
  const selection = useUi((s) => s.selection);
  const [system, setSystem] = useState(false);
  const stage = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const root = useRef<SVGGElement>(null);
  const zoomer = useRef<ZoomBehavior<SVGSVGElement, unknown> | undefined>(undefined);
  const width = useWidth(stage);
  const model = useMemo(() => buildModel(objects, { system, stopped }), [objects, system, stopped]);
  const layout = useMemo(() => (width ? layoutDiagram(model, width) : undefined), [model, width]);
  const selected = selection ? `${selection.resource}|${selection.key}` : undefined;

  useEffect(() => {
    const s = svg.current;
    if (!s) return undefined;
    const z = zoom<SVGSVGElement, unknown>().scaleExtent([0.15, 4])
      .filter((e: Event) => (e.type === 'wheel' ? (e as WheelEvent).ctrlKey || (e as WheelEvent).metaKey : !(e as MouseEvent).button))
      .on('zoom', (e: { transform: { toString(): string } }) => root.current?.setAttribute('transform', e.transform.toString()));
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
    ensureLayers(root.current);
    renderDiagram(root.current, layout, { motion: !matchMedia('(prefers-reduced-motion: reduce)').matches });
    markSelection(root.current, selected);
    // Force style and layout now, so the sample is the frame's whole main-thread cost.
    root.current.getBoundingClientRect();
    recordFrame(performance.now() - t0, layout.pods.length);
    svg.current?.setAttribute('data-pods', String(layout.pods.length));
    svg.current?.setAttribute('data-running', String(layout.pods.filter((p) => p.pod.status === 'Running' && p.pod.tone === 'ok').length));
    // `selected` is read, not a dependency: when only it changes the next effect marks it, without a redraw.
  }, [layout]);

  useEffect(() => {
    if (root.current) markSelection(root.current, selected);
  }, [selected]);

  const zoomBy = (k: number) => svg.current && zoomer.current && select(svg.current).call(zoomer.current.scaleBy, k);
  const fit = () => svg.current && zoomer.current && select(svg.current).call(zoomer.current.transform, zoomIdentity);
  const onClick = (e: React.MouseEvent) => {
    const hit = (e.target as Element).closest('[data-select]');
    const v = hit?.getAttribute('data-select');
    if (!v) return;
    const [resource, key] = v.split('|');
    ui.select({ resource, key });
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
            <button className="icon-button" onClick={fit} aria-label="Reset zoom" title="Fit the width">⤢</button>
            <button className="icon-button" onClick={() => zoomBy(1.25)} aria-label="Zoom in" title="Zoom in (Ctrl+wheel)">+</button>
          </span>
        </div>
      </div>
      <div className="pane-body diagram-stage" ref={stage}>
        <svg ref={svg} className="diagram-svg" role="img" aria-label={`Cluster diagram: ${model.nodes.length} nodes, ${visible} pods`}
          onClick={onClick}>
          <g ref={root} className="diagram-root" />
        </svg>
        {!booted && model.nodes.length === 0 && <p className="empty-state diagram-empty">Starting the cluster…</p>}
        <DetailCard nodes={model.nodes} />
      </div>
    </section>
  );
}
