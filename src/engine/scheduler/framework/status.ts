// Plugin verdicts. Models pkg/scheduler/framework/interface.go (Code, Status): a plugin returns
// undefined for success, otherwise a Status carrying a code and every reason, word for word as
// upstream, because the reasons end up in the FailedScheduling event users read.

/** Status codes (interface.go Code), in upstream order. */
export const Code = {
  Success: 0,
  Error: 1,
  /** The pod does not fit now; preemption may help. */
  Unschedulable: 2,
  /** The pod does not fit and preemption on this node cannot help. */
  UnschedulableAndUnresolvable: 3,
  Wait: 4,
  /** The plugin has nothing to do for this pod (PreFilter/PreScore): its Filter/Score is not run. */
  Skip: 5,
  Pending: 6,
} as const;
/** One of the Code values. */
export type Code = (typeof Code)[keyof typeof Code];

/** Upstream code names (Code.String()), for explain records. */
export const CODE_NAMES = ['Success', 'Error', 'Unschedulable', 'UnschedulableAndUnresolvable', 'Wait', 'Skip', 'Pending'] as const;

/** A non-success verdict. `undefined` stands for Success everywhere (framework.Status nil). */
export class Status {
  /** The plugin that produced the status (set by the framework). */
  plugin = '';

  constructor(readonly code: Code, readonly reasons: string[] = [], readonly err?: Error) {}

  /** Reasons joined as upstream's Status.Message(). */
  message(): string {
    return this.reasons.join(', ');
  }

  /** Unschedulable, UnschedulableAndUnresolvable or Pending (Status.IsRejected). */
  isRejected(): boolean {
    return this.code === Code.Unschedulable || this.code === Code.UnschedulableAndUnresolvable || this.code === Code.Pending;
  }

  withPlugin(name: string): this {
    this.plugin = name;
    return this;
  }

  static unschedulable(...reasons: string[]): Status {
    return new Status(Code.Unschedulable, reasons);
  }

  static unresolvable(...reasons: string[]): Status {
    return new Status(Code.UnschedulableAndUnresolvable, reasons);
  }

  /** framework.AsStatus(err): an Error status whose message is the error's. */
  static error(err: Error | string): Status {
    const e = typeof err === 'string' ? new Error(err) : err;
    return new Status(Code.Error, [e.message], e);
  }
}

/** A shared Skip status (PreFilter/PreScore "nothing to do"). */
export const SKIP = new Status(Code.Skip);

/** True for undefined (Success). */
export function isSuccess(s: Status | undefined): s is undefined {
  return s === undefined || s.code === Code.Success;
}
