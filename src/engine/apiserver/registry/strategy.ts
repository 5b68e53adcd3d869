// Per-resource behaviour of the generic registry store. Models the RESTCreateStrategy /
// RESTUpdateStrategy / RESTDeleteStrategy split of k8s.io/apiserver/pkg/registry/rest and the
// pkg/registry/<group>/<resource>/strategy.go files.
import type { KubeObject } from '../../api/types';
import type { ResourceInfo } from '../../api/kinds';

/** What a strategy may read while preparing an object (the current time, the store). */
export interface StrategyContext {
  now(): number;
  /** RFC 3339 string of now. */
  nowTime(): string;
  get(group: string, resource: string, namespace: string | undefined, name: string): KubeObject | undefined;
}

/** The kind-specific hooks of a resource's storage. All hooks mutate the fresh object they get. */
export interface Strategy {
  /** The resource has a status subresource: main-resource writes keep the stored status. */
  readonly statusSubresource: boolean;
  /** metadata.generation is maintained (set to 1 on create, bumped when spec changes). */
  readonly generation: boolean;
  /** With `generation`: whether an update bumps it (default: spec changed). */
  generationChanged?(obj: KubeObject, old: KubeObject): boolean;
  /** An update of a missing object creates it (Endpoints, Events, Leases). */
  readonly allowCreateOnUpdate: boolean;
  /** An update without metadata.resourceVersion is accepted (most kinds). */
  readonly allowUnconditionalUpdate: boolean;
  /** PrepareForCreate: clear or initialise what clients may not set. */
  prepareForCreate?(obj: KubeObject, ctx: StrategyContext): void;
  /** PrepareForUpdate (main resource): keep what clients may not change. */
  prepareForUpdate?(obj: KubeObject, old: KubeObject, ctx: StrategyContext): void;
  /** PrepareForUpdate of the status subresource. Default: take status from obj, all else from old. */
  prepareForStatusUpdate?(obj: KubeObject, old: KubeObject, ctx: StrategyContext): void;
  /** Grace period for a delete without an explicit one; 0 or undefined deletes at once. */
  defaultGracePeriod?(obj: KubeObject): number | undefined;
  /** CheckGracefulDelete adjustments (e.g. an unscheduled pod is deleted at once). */
  adjustGracePeriod?(obj: KubeObject, requested: number): number;
  /** Field values field selectors may use besides metadata.name / metadata.namespace. */
  fieldLabels?(obj: KubeObject): Record<string, string>;
  /**
   * BeginCreate: allocations that must happen before validation (a Service's cluster IP and node
   * ports). Returns an undo called if a later step fails.
   */
  beginCreate?(obj: KubeObject, ctx: StrategyContext, dryRun: boolean): (() => void) | void;
  /** Release what beforeCreate took once the object is gone. */
  afterDelete?(obj: KubeObject, ctx: StrategyContext): void;
  /** BeginUpdate: allocations before validation on update (a Service changing type). */
  beginUpdate?(obj: KubeObject, old: KubeObject, ctx: StrategyContext, dryRun: boolean): (() => void) | void;
}

/** The default strategy: most resources with a spec and a status subresource. */
export function makeStrategy(info: ResourceInfo, overrides: Partial<Strategy> = {}): Strategy {
  const statusSubresource = info.subresources.includes('status');
  return {
    statusSubresource,
    generation: statusSubresource,
    allowCreateOnUpdate: false,
    allowUnconditionalUpdate: true,
    ...(statusSubresource ? { prepareForCreate: clearStatus } : {}),
    ...overrides,
  };
}

/** PrepareForCreate of most kinds with a status subresource: status starts empty. */
export function clearStatus(obj: KubeObject): void {
  delete obj.status;
}
