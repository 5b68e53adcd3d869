// The pod layer on a canvas, for compact layouts (hundreds of pods): one fill per status colour
// instead of a thousand SVG elements to style and lay out each frame. The rest of the diagram
// (regions, groups, links, workloads) stays SVG underneath; clicks and hovers find the pod under the
// pointer by its box (podAt), so selection, hover and the tooltip work as on the SVG chips.
import type { StatusTone } from '../../lib';
import type { PodBox } from './layout';

/** The view's zoom transform (d3's): screen = layout × k + (x, y). */
export interface View { k: number; x: number; y: number }

/** Colours the canvas paints with, read from the theme's CSS variables. */
export interface PodColors {
  tone: Record<StatusTone, string>;
  accent: string;
  border: string;
}

const TONES: readonly StatusTone[] = ['ok', 'progress', 'warn', 'error', 'done', 'muted'];
const VAR: Record<StatusTone, string> = { ok: '--ok', progress: '--progress', warn: '--warn', error: '--error', done: '--done', muted: '--done' };

/** The theme's colours as `el` sees them. */
export function podColors(el: Element): PodColors {
  const cs = getComputedStyle(el);
  const v = (name: string, dflt: string) => cs.getPropertyValue(name).trim() || dflt;
  const tone = {} as Record<StatusTone, string>;
  for (const t of TONES) tone[t] = v(VAR[t], '#888');
  return { tone, accent: v('--accent', '#5b8def'), border: v('--border-strong', '#444') };
}

/** The pod whose box holds the layout point (x, y). */
export function podAt(pods: readonly PodBox[], x: number, y: number, slop = 0): PodBox | undefined {
  for (const p of pods) {
    if (x >= p.x - slop && x <= p.x + p.w + slop && y >= p.y - slop && y <= p.y + p.h + slop) return p;
  }
  return undefined;
}

/** A pod's paint: solid in its tone, or an outline (terminating, or a state with no colour). */
function outlined(p: PodBox): boolean {
  return p.pod.terminating || p.pod.tone === 'muted';
}

/**
 * Paints `pods` onto `canvas` (sized to the stage: `w` × `h` CSS pixels) through `view`; the selected
 * and hovered pods ("namespace/name") get the accent outline. Pods outside the view are skipped.
 */
export function paintPods(canvas: HTMLCanvasElement, pods: readonly PodBox[], view: View,
  o: { w: number; h: number; colors: PodColors; selected?: string; hovered?: string }): void {
  const dpr = window.devicePixelRatio || 1;
  const W = Math.round(o.w * dpr);
  const H = Math.round(o.h * dpr);
  if (canvas.width !== W || canvas.height !== H) {
    canvas.width = W;
    canvas.height = H;
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, W, H);
  ctx.setTransform(dpr * view.k, 0, 0, dpr * view.k, dpr * view.x, dpr * view.y);
  // The visible part of the layout (with a cell's margin).
  const x0 = -view.x / view.k - 16;
  const y0 = -view.y / view.k - 16;
  const x1 = (o.w - view.x) / view.k + 16;
  const y1 = (o.h - view.y) / view.k + 16;
  const byTone = new Map<string, PodBox[]>();
  const lines: PodBox[] = [];
  let marked: PodBox[] = [];
  for (const p of pods) {
    if (p.x > x1 || p.y > y1 || p.x + p.w < x0 || p.y + p.h < y0) continue;
    if (outlined(p)) lines.push(p);
    else {
      const list = byTone.get(p.pod.tone);
      if (list) list.push(p);
      else byTone.set(p.pod.tone, [p]);
    }
    if (p.pod.key === o.selected || p.pod.key === o.hovered) marked = [...marked, p];
  }
  // One path and one fill per colour.
  for (const [tone, list] of byTone) {
    ctx.fillStyle = o.colors.tone[tone as StatusTone];
    ctx.beginPath();
    for (const p of list) ctx.rect(p.x, p.y, p.w, p.h);
    ctx.fill();
  }
  if (lines.length) {
    ctx.lineWidth = 1.2;
    ctx.setLineDash([3, 2]);
    ctx.strokeStyle = o.colors.tone.done;
    ctx.beginPath();
    for (const p of lines) ctx.rect(p.x + 0.6, p.y + 0.6, p.w - 1.2, p.h - 1.2);
    ctx.stroke();
    ctx.setLineDash([]);
  }
  // The selected and hovered pods: an accent ring that stays visible when zoomed out.
  ctx.strokeStyle = o.colors.accent;
  for (const p of marked) {
    ctx.lineWidth = Math.max(2, 2 / view.k);
    const pad = ctx.lineWidth / 2 + 0.5;
    ctx.strokeRect(p.x - pad, p.y - pad, p.w + 2 * pad, p.h + 2 * pad);
  }
}
