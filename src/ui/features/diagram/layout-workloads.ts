// The workloads band's geometry: each owner in a column, what it owns in turn (a Deployment's
// ReplicaSets, a CronJob's Jobs) in a row of chips under it; columns flow onto more rows when the
// band is full. Pure geometry in SVG units, like layout.ts.
import type { WorkloadItem } from './workloads';

/** Sizes of the band's boxes. */
export const WORKLOAD = { w: 178, h: 40, childW: 156, childH: 22, childGap: 6, tier: 16, gap: 10 };

/** A placed owner (or a child of one: `parent` is its owner's id). */
export interface WorkloadBox {
  id: string;
  item: WorkloadItem;
  parent?: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Places `items` from x0 to `right`, starting at `top`; returns the boxes and the height they take. */
export function placeWorkloads(items: readonly WorkloadItem[], x0: number, right: number, top: number): { boxes: WorkloadBox[]; h: number } {
  const boxes: WorkloadBox[] = [];
  let x = x0;
  let y = top;
  let rowH = 0;
  for (const item of items) {
    const n = item.children.length;
    const kidsW = n * (WORKLOAD.childW + WORKLOAD.childGap) - WORKLOAD.childGap;
    const colW = Math.max(WORKLOAD.w, kidsW);
    const colH = n ? WORKLOAD.h + WORKLOAD.tier + WORKLOAD.childH : WORKLOAD.h;
    if (x > x0 && x + colW > right) {
      x = x0;
      y += rowH + WORKLOAD.gap;
      rowH = 0;
    }
    boxes.push({ id: item.id, item, x: x + (colW - WORKLOAD.w) / 2, y, w: WORKLOAD.w, h: WORKLOAD.h });
    item.children.forEach((c, i) => {
      boxes.push({ id: c.id, item: c, parent: item.id, x: x + (colW - kidsW) / 2 + i * (WORKLOAD.childW + WORKLOAD.childGap),
        y: y + WORKLOAD.h + WORKLOAD.tier, w: WORKLOAD.childW, h: WORKLOAD.childH });
    });
    x += colW + WORKLOAD.gap * 2;
    rowH = Math.max(rowH, colH);
  }
  return { boxes, h: y + rowH - top };
}
