// Where everything goes: the control plane on top, then the workloads (owners), then the Services,
// Ingresses, PVCs, ConfigMaps and Secrets, then the nodes in a grid (the not-scheduled lane first),
// each node holding its pods grouped by owner. Pure geometry in SVG units; the view zooms and pans it.
// Links are bundled per owner group (one per owner and node) except a route that reaches few pods,
// which ends at each pod. Past COMPACT_PODS visible pods the pods become small squares without labels
// (painted on a canvas), so a thousand pods stay one cheap frame.
import type { StatusTone } from '../../lib';
import type { ClusterModel, NodeItem, OwnerGroup, PodItem, RouteSource } from './model';
import { placeWorkloads, type WorkloadBox } from './layout-workloads';

/** Above this many visible pods the diagram switches to compact cells. */
export const COMPACT_PODS = 240;

/** A route reaching at most this many pods ends at each of them; past it, one link per owner group. */
export const PER_POD_LINKS = 12;

const PAD = 16;
const GAP = 14;
const BAND_LABEL = 150;
const BAND_PAD = 6;
const NODE_HEAD = 44;
const GROUP_HEAD = 20;
const GROUP_PAD = 6;
const CELL = { detailed: { minW: 124, maxW: 200, h: 34, gap: 6 }, compact: { minW: 12, maxW: 12, h: 12, gap: 3 } };
const SOURCE = { w: 178, h: 40, gap: 10 };
const CHIP = { h: 24, gap: 8 };

/** A rectangle. */
export interface Box { x: number; y: number; w: number; h: number }

/** A region: the control plane, the workloads or routes band, a node or the not-scheduled lane. */
export interface RegionBox extends Box {
  id: string;
  kind: 'control' | 'workloads' | 'sources' | 'node' | 'pending';
  title: string;
  subtitle: string;
  /** A node with no (visible) pods. */
  empty?: boolean;
  node?: NodeItem;
}

/** An owner group's frame inside a node. */
export interface GroupBox extends Box {
  id: string;
  group: OwnerGroup;
  count: number;
  /** Pods per tone, for the compact summary ("4 running · 1 pending"). */
  tones: Partial<Record<StatusTone, number>>;
  /** The direct controllers of its pods (mirror ids), in first-seen order. */
  controllers: string[];
}

/** A placed pod. */
export interface PodBox extends Box { id: string; pod: PodItem }

/** A placed Service, Ingress or PVC. */
export interface SourceBox extends Box { id: string; source: RouteSource }

/** A control-plane component chip. */
export interface ChipBox extends Box { id: string; name: string; tone: StatusTone; pod: string | undefined }

/** A route from a source to what it serves, or from an owner to what it owns ('Owner'). */
export interface LinkPath {
  id: string;
  kind: RouteSource['kind'] | 'Owner';
  /** SVG path data. */
  d: string;
  /** Ends at a ready endpoint or pod (dashed otherwise). */
  live: boolean;
  source: string;
  /** A pod key, a source id, a workload id, or an owner group's id ("node/minikube|default/Deployment/web"). */
  target: string;
  /** The ids whose hover or selection highlights it (its source, an owner's owner, a route's Ingress). */
  chain: string[];
}

/** The diagram's geometry. */
export interface DiagramLayout {
  width: number;
  height: number;
  compact: boolean;
  regions: RegionBox[];
  chips: ChipBox[];
  groups: GroupBox[];
  pods: PodBox[];
  sources: SourceBox[];
  workloads: WorkloadBox[];
  links: LinkPath[];
}

function nodeSubtitle(n: NodeItem): string {
  const state = n.stopped && n.ready === 'True' ? 'Ready (kubelet stopped)' : n.ready === 'True' ? 'Ready' : n.ready === 'Unknown' ? 'NotReady (no heartbeat)' : 'NotReady';
  return [state, n.cordoned ? 'SchedulingDisabled' : '', `${n.cpu} CPU`].filter(Boolean).join(' · ');
}

/** A vertical S-curve from (x1, y1) down (or up) to (x2, y2). */
export function routePath(x1: number, y1: number, x2: number, y2: number): string {
  const my = (y1 + y2) / 2;
  const r = (n: number) => Math.round(n * 10) / 10;
  return `M${r(x1)},${r(y1)}C${r(x1)},${r(my)} ${r(x2)},${r(my)} ${r(x2)},${r(y2)}`;
}

/** Lays the model out for a view `width` units wide. */
export function layoutDiagram(model: ClusterModel, width: number): DiagramLayout {
  const W = Math.max(width, 520);
  const compact = model.pods.length > COMPACT_PODS;
  const cell = compact ? CELL.compact : CELL.detailed;
  const regions: RegionBox[] = [];
  const chips: ChipBox[] = [];
  const groups: GroupBox[] = [];
  const pods: PodBox[] = [];
  const sources: SourceBox[] = [];
  const podGroup = new Map<string, string>();
  let y = PAD;

  // Bands: a label on the left, their items to the right, flowing onto more rows when needed.
  const band = (id: 'control' | 'sources', title: string, widths: number[], item: { h: number; gap: number },
    place: (i: number, x: number, y: number) => void) => {
    const x0 = PAD + BAND_LABEL;
    const right = W - PAD - 10;
    let x = x0;
    let row = 0;
    const at: { x: number; row: number }[] = [];
    for (const w of widths) {
      if (x > x0 && x + w > right) { x = x0; row++; }
      at.push({ x, row });
      x += w + item.gap;
    }
    const h = (row + 1) * (item.h + item.gap) - item.gap + 2 * BAND_PAD;
    regions.push({ id: id === 'control' ? 'control-plane' : 'sources', kind: id, title, subtitle: '', x: PAD, y, w: W - 2 * PAD, h });
    at.forEach((a, i) => place(i, a.x, y + BAND_PAD + a.row * (item.h + item.gap)));
    y += h + GAP;
  };
  // A chip is as wide as its name (an estimate: 7 px per character of 11 px text; the draw still fits the text).
  const chipWidths = model.controlPlane.map((c) => Math.round(34 + 7 * c.name.length));
  band('control', 'Control plane', chipWidths, CHIP, (i, x, cy) => {
    const c = model.controlPlane[i];
    chips.push({ id: `cp-${c.name}`, name: c.name, tone: c.tone, pod: c.pod, w: chipWidths[i], h: CHIP.h, x, y: cy });
  });
  const workloads: WorkloadBox[] = [];
  if (model.workloads.length) {
    const placed = placeWorkloads(model.workloads, PAD + BAND_LABEL, W - PAD - 10, y + BAND_PAD);
    workloads.push(...placed.boxes);
    regions.push({ id: 'workloads', kind: 'workloads', title: 'Workloads', subtitle: '', x: PAD, y, w: W - 2 * PAD, h: placed.h + 2 * BAND_PAD });
    y += placed.h + 2 * BAND_PAD + GAP;
  }
  if (model.sources.length) {
    band('sources', 'Linked objects', model.sources.map(() => SOURCE.w), SOURCE, (i, x, sy) => {
      sources.push({ id: model.sources[i].id, source: model.sources[i], w: SOURCE.w, h: SOURCE.h, x, y: sy });
    });
    y += GAP;
  }

  // Nodes (and the pods no node has yet).
  const byNode = new Map<string, PodItem[]>();
  for (const p of model.pods) {
    const k = p.node && model.nodes.some((n) => n.name === p.node) ? p.node : '';
    let list = byNode.get(k);
    if (!list) byNode.set(k, (list = []));
    list.push(p);
  }
  const cards: { id: string; kind: 'node' | 'pending'; title: string; subtitle: string; node?: NodeItem; pods: PodItem[] }[] = [];
  const pending = byNode.get('') ?? [];
  if (pending.length) cards.push({ id: 'pending', kind: 'pending', title: 'Not scheduled', subtitle: `${pending.length} waiting for a node`, pods: pending });
  for (const n of model.nodes) cards.push({ id: `node/${n.name}`, kind: 'node', title: n.name, subtitle: nodeSubtitle(n), node: n, pods: byNode.get(n.name) ?? [] });

  const minNodeW = compact ? 230 : 300;
  const cols = Math.max(1, Math.min(cards.length || 1, Math.floor((W - 2 * PAD + GAP) / (minNodeW + GAP))));
  const nodeW = (W - 2 * PAD - GAP * (cols - 1)) / cols;
  const innerW = nodeW - 2 * 10 - 2 * GROUP_PAD;
  const perRow = Math.max(1, Math.floor((innerW + cell.gap) / (cell.minW + cell.gap)));
  const cellW = compact ? cell.minW : Math.min(cell.maxW, (innerW - cell.gap * (perRow - 1)) / perRow);

  for (let row = 0; row * cols < cards.length; row++) {
    let rowH = NODE_HEAD + 40;
    const placed: RegionBox[] = [];
    for (let c = 0; c < cols; c++) {
      const card = cards[row * cols + c];
      if (!card) break;
      const x = PAD + c * (nodeW + GAP);
      let gy = y + NODE_HEAD;
      const byGroup = new Map<string, PodItem[]>();
      for (const p of card.pods) {
        let list = byGroup.get(p.group);
        if (!list) byGroup.set(p.group, (list = []));
        list.push(p);
      }
      for (const [gk, list] of [...byGroup].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
        const rows = Math.ceil(list.length / perRow);
        const h = GROUP_HEAD + rows * cell.h + (rows - 1) * cell.gap + GROUP_PAD;
        const tones: Partial<Record<StatusTone, number>> = {};
        const controllers = new Set<string>();
        list.forEach((p, i) => {
          tones[p.tone] = (tones[p.tone] ?? 0) + 1;
          if (p.controller) controllers.add(p.controller);
          podGroup.set(p.key, `${card.id}|${gk}`);
          pods.push({ id: p.uid, pod: p, w: cellW, h: cell.h,
            x: x + 10 + GROUP_PAD + (i % perRow) * (cellW + cell.gap), y: gy + GROUP_HEAD + Math.floor(i / perRow) * (cell.h + cell.gap) });
        });
        groups.push({ id: `${card.id}|${gk}`, group: model.groups.get(gk)!, count: list.length, tones, controllers: [...controllers],
          x: x + 10, y: gy, w: nodeW - 20, h });
        gy += h + 8;
      }
      const h = Math.max(NODE_HEAD + 40, gy - y + 4);
      rowH = Math.max(rowH, h);
      placed.push({ id: card.id, kind: card.kind, title: card.title, subtitle: card.subtitle, node: card.node, x, y, w: nodeW, h,
        empty: card.pods.length === 0 });
    }
    for (const r of placed) regions.push({ ...r, h: rowH });
    y += rowH + GAP;
  }

  const links = [...routeLinks(sources, pods, groups, podGroup, compact), ...ownerLinks(workloads, groups)];
  return { width: W, height: y + PAD, compact, regions, chips, groups, pods, sources, workloads, links };
}

/**
 * Routes: an Ingress to its Services; a Service, PVC, ConfigMap or Secret to each pod it reaches when
 * they are few (PER_POD_LINKS) and the pods are labelled, else one link per owner group it reaches.
 * A Service's link is live when it ends at a ready endpoint (or a group holding one).
 */
function routeLinks(sources: SourceBox[], pods: PodBox[], groups: GroupBox[], podGroup: Map<string, string>, compact: boolean): LinkPath[] {
  const podAt = new Map(pods.map((p) => [p.pod.key, p]));
  const groupAt = new Map(groups.map((g) => [g.id, g]));
  const sourceAt = new Map(sources.map((s) => [s.id, s]));
  const ingressOf = new Map<string, string[]>();
  for (const s of sources) {
    if (s.source.kind !== 'Ingress') continue;
    for (const t of s.source.targets) ingressOf.set(t, [...(ingressOf.get(t) ?? []), s.id]);
  }
  const links: LinkPath[] = [];
  for (const s of sources) {
    const x1 = s.x + s.w / 2;
    const y1 = s.y + s.h;
    if (s.source.kind === 'Ingress') {
      for (const t of s.source.targets) {
        const to = sourceAt.get(t);
        if (to) links.push({ id: `${s.id}>${t}`, kind: 'Ingress', d: routePath(x1, y1, to.x + to.w / 2, to.y), live: true, source: s.id, target: t, chain: [s.id, t] });
      }
      continue;
    }
    const chain = [s.id, ...(ingressOf.get(s.id) ?? [])];
    const ready = (p: PodBox) => (s.source.ready ? s.source.ready.has(p.pod.key) : p.pod.tone === 'ok');
    const reached = s.source.targets.map((t) => podAt.get(t)).filter((p): p is PodBox => !!p);
    if (!compact && reached.length <= PER_POD_LINKS) {
      for (const p of reached) {
        links.push({ id: `${s.id}>${p.id}`, kind: s.source.kind, d: routePath(x1, y1, p.x + p.w / 2, p.y), live: ready(p), source: s.id, target: p.pod.key, chain });
      }
      continue;
    }
    const live = new Map<string, boolean>();
    for (const p of reached) {
      const gid = podGroup.get(p.pod.key);
      if (gid) live.set(gid, (live.get(gid) ?? false) || ready(p));
    }
    for (const [gid, ok] of live) {
      const g = groupAt.get(gid)!;
      links.push({ id: `${s.id}>${gid}`, kind: s.source.kind, d: routePath(x1, y1, g.x + g.w / 2, g.y), live: ok, source: s.id, target: gid, chain });
    }
  }
  return links;
}

/** Where an owner link ends on a group: by the group's label, left of the routes that end mid-frame. */
const OWNER_ANCHOR = 18;

/**
 * Owner links: a Deployment to its ReplicaSets and a CronJob to its Jobs inside the band, then each
 * direct controller to every owner group (one per node) holding its pods.
 */
function ownerLinks(workloads: WorkloadBox[], groups: GroupBox[]): LinkPath[] {
  const at = new Map(workloads.map((w) => [w.id, w]));
  const links: LinkPath[] = [];
  for (const w of workloads) {
    const p = w.parent ? at.get(w.parent) : undefined;
    if (!p) continue;
    links.push({ id: `${p.id}>${w.id}`, kind: 'Owner', d: routePath(p.x + p.w / 2, p.y + p.h, w.x + w.w / 2, w.y), live: true,
      source: p.id, target: w.id, chain: [p.id, w.id] });
  }
  for (const g of groups) {
    for (const c of g.controllers) {
      const from = at.get(c);
      if (!from) continue;
      const top = from.parent ?? from.id;
      links.push({ id: `${c}>${g.id}`, kind: 'Owner', d: routePath(from.x + from.w / 2, from.y + from.h, g.x + OWNER_ANCHOR, g.y), live: true,
        source: c, target: g.id, chain: from.parent ? [top, c] : [c] });
    }
  }
  return links;
}
