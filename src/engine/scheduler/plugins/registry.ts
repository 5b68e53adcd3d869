// The in-tree registry and the default profile. Models pkg/scheduler/framework/plugins/registry.go
// (NewInTreeRegistry) and pkg/scheduler/apis/config/v1/default_plugins.go (v1.32 getDefaultPlugins):
// the MultiPoint order below is every extension point's order (it decides, e.g., which filter's
// reason a node reports), and the weights are the default score weights.
// This is the only file that imports every plugin.
import type { Handle, Plugin, PluginFactory } from '../framework';
import * as schedulinggates from './schedulinggates';
import * as queuesort from './queuesort';
import * as nodeunschedulable from './nodeunschedulable';
import * as nodename from './nodename';
import * as tainttoleration from './tainttoleration';
import * as nodeaffinity from './nodeaffinity';
import * as nodeports from './nodeports';
import * as noderesources from './noderesources';
import * as volumebinding from './volumebinding';
import * as podtopologyspread from './podtopologyspread';
import * as interpodaffinity from './interpodaffinity';
import * as defaultpreemption from './defaultpreemption';
import * as imagelocality from './imagelocality';
import * as defaultbinder from './defaultbinder';

/** Plugin factories by name (NewInTreeRegistry, for the plugins kubesim implements). */
export const REGISTRY: ReadonlyMap<string, PluginFactory> = new Map<string, PluginFactory>([
  [schedulinggates.NAME, schedulinggates.create],
  [queuesort.NAME, queuesort.create],
  [nodeunschedulable.NAME, nodeunschedulable.create],
  [nodename.NAME, nodename.create],
  [tainttoleration.NAME, tainttoleration.create],
  [nodeaffinity.NAME, nodeaffinity.create],
  [nodeports.NAME, nodeports.create],
  [noderesources.NAME, noderesources.create],
  [volumebinding.NAME, volumebinding.create],
  [podtopologyspread.NAME, podtopologyspread.create],
  [interpodaffinity.NAME, interpodaffinity.create],
  [defaultpreemption.NAME, defaultpreemption.create],
  [noderesources.BALANCED_ALLOCATION_NAME, noderesources.createBalancedAllocation],
  [imagelocality.NAME, imagelocality.create],
  [defaultbinder.NAME, defaultbinder.create],
]);

/** One entry of a profile: a plugin and its score weight. */
export interface ProfilePlugin {
  name: string;
  weight?: number;
}

/**
 * The default profile's MultiPoint plugins (v1.32). Deviation: VolumeRestrictions, NodeVolumeLimits,
 * VolumeZone (and the cloud volume-limit plugins) are not implemented; they reject nothing kubesim's
 * volumes can express.
 */
export const DEFAULT_PLUGINS: readonly ProfilePlugin[] = [
  { name: schedulinggates.NAME },
  { name: queuesort.NAME },
  { name: nodeunschedulable.NAME },
  { name: nodename.NAME },
  { name: tainttoleration.NAME, weight: 3 },
  { name: nodeaffinity.NAME, weight: 2 },
  { name: nodeports.NAME },
  { name: noderesources.NAME, weight: 1 },
  { name: volumebinding.NAME },
  { name: podtopologyspread.NAME, weight: 2 },
  { name: interpodaffinity.NAME, weight: 2 },
  { name: defaultpreemption.NAME },
  { name: noderesources.BALANCED_ALLOCATION_NAME, weight: 1 },
  { name: imagelocality.NAME, weight: 1 },
  { name: defaultbinder.NAME },
];

/** Instantiates a profile's plugins in order; returns them and their weights. */
export function buildPlugins(profile: readonly ProfilePlugin[], h: Handle): { plugins: Plugin[]; weights: Map<string, number> } {
  const plugins: Plugin[] = [];
  const weights = new Map<string, number>();
  for (const p of profile) {
    const f = REGISTRY.get(p.name);
    if (!f) throw new Error(`${p.name} does not exist`);
    plugins.push(f(h));
    if (p.weight !== undefined) weights.set(p.name, p.weight);
  }
  return { plugins, weights };
}
