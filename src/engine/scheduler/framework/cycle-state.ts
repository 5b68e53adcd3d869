// Models pkg/scheduler/framework/cycle_state.go: data one scheduling cycle's plugins pass from
// PreFilter to Filter and from PreScore to Score, keyed "PreFilter" + plugin name by convention.
import type { FilterPlugin } from './interface';

/** State data that preemption's what-if runs can copy (StateData.Clone). */
export interface StateData {
  clone(): StateData;
}

/** CycleState: per-cycle plugin data, plus the plugins PreFilter/PreScore told the framework to skip. */
export class CycleState {
  private readonly data = new Map<string, unknown>();
  /** Plugins whose PreFilter returned Skip: their Filter is not run. */
  skipFilterPlugins = new Set<string>();
  /** Plugins whose PreScore returned Skip: their Score is not run. */
  skipScorePlugins = new Set<string>();
  /** The Filter plugins left after PreFilter's skips (a kubesim shortcut: no set lookup per node). */
  activeFilters?: readonly FilterPlugin[];

  read<T>(key: string): T | undefined {
    return this.data.get(key) as T | undefined;
  }

  write(key: string, value: unknown): void {
    this.data.set(key, value);
  }

  delete(key: string): void {
    this.data.delete(key);
  }

  /** Clone: values with a clone() are copied, the rest shared (they are read-only after PreFilter). */
  clone(): CycleState {
    const c = new CycleState();
    for (const [k, v] of this.data) {
      const cl = (v as Partial<StateData> | null)?.clone;
      c.data.set(k, typeof cl === 'function' ? cl.call(v) : v);
    }
    c.skipFilterPlugins = new Set(this.skipFilterPlugins);
    c.skipScorePlugins = new Set(this.skipScorePlugins);
    c.activeFilters = this.activeFilters;
    return c;
  }
}
