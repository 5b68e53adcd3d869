// Helpers for the workloads acceptance scenarios (issue 4): a learner's session on the simulated
// runtime (kubectl through the shell, simulated time only), the seed manifests, and an event log
// recorded in the order the API server stored the events (what `kubectl get events -w` would show).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Event, Pod } from '../../src/engine/api';
import { Informer, R } from '../../src/engine/client';
import type { ClusterTimings } from '../../src/engine/cluster';
import { Session } from '../../src/server/session';
import * as seed from '../fixtures';

const FILES = join(__dirname, '..', 'golden', 'files');

/** A seed manifest kept with the golden transcripts (tests/golden/files). */
export function manifest(name: string): string {
  return readFileSync(join(FILES, name), 'utf8');
}

/** Seed 004 Part 2: the Pod with two containers (nginx and mongo). */
export const TWO_CONTAINER_POD = seed.TWO_CONTAINER_POD;

/** Seed 004 Part 3: the CronJob `hello`, every minute. */
export const HELLO_CRONJOB = manifest('hello-cronjob.yaml').replace('"*/5 * * * *"', '"* * * * *"');

/** One event as recorded: "Type Reason Kind/name: message". */
export interface LoggedEvent {
  type: string;
  reason: string;
  object: string;
  message: string;
  count: number;
}

/** A session (system pods up, as after `minikube start`) with an event log of the default namespace. */
export class Scenario {
  readonly s: Session;
  /** Events of the namespace in the order they were first stored (counts follow later updates). */
  readonly log: LoggedEvent[] = [];

  constructor(o: { seed?: number; nodes?: number; timings?: Partial<ClusterTimings> } = {}) {
    this.s = new Session({ seed: o.seed ?? 1, nodes: o.nodes ?? 1, timings: o.timings });
    const byName = new Map<string, LoggedEvent>();
    const note = (e: Event) => {
      const k = e.metadata!.name!;
      const cur = byName.get(k);
      if (cur) {
        // A repeat (count) or an aggregate (client-go patches count and message).
        cur.count = e.count ?? cur.count;
        cur.message = e.message ?? cur.message;
        return;
      }
      const ev = { type: e.type ?? '', reason: e.reason ?? '', object: `${e.involvedObject.kind}/${e.involvedObject.name}`,
        message: e.message ?? '', count: e.count ?? 1 };
      byName.set(k, ev);
      this.log.push(ev);
    };
    new Informer<Event>(this.s.cluster.client('acceptance-test'), R.events, { namespace: 'default' })
      .onEvent({ add: note, update: (_o, e) => note(e) }).start();
  }

  /** Runs a command line as the learner would; returns what it printed. */
  async sh(line: string): Promise<string> {
    return (await this.s.run(line)).output;
  }

  /** `kubectl apply -f -` of a manifest. */
  async apply(yaml: string): Promise<string> {
    return this.sh(`cat <<'EOF' | kubectl apply -f -\n${yaml}EOF`);
  }

  /** Lets simulated time pass (as `sleep` in the learner's shell). */
  async sleep(seconds: number): Promise<void> {
    await this.sh(`sleep ${seconds}`);
  }

  /** The events of one object ("Pod/web-0"), as "Type Reason: message" lines in the order they happened. */
  eventsOf(object: string): string[] {
    return this.log.filter((e) => e.object === object).map((e) => `${e.type} ${e.reason}: ${e.message}`);
  }

  /** The pods of the default namespace (sorted by name). */
  pods(selector?: string): Pod[] {
    const items = this.s.cluster.client('acceptance-test').list<Pod>(R.pods, 'default', selector ? { labelSelector: selector } : undefined).items;
    return [...items].sort((a, b) => a.metadata!.name!.localeCompare(b.metadata!.name!));
  }
}

/** A kubelet Pulled message with its durations blanked ("in <d> (<d> including waiting)"). */
export function pulledShape(message: string): string {
  return message.replace(/ in [0-9.]+m?s \([0-9.]+m?s including waiting\)/, ' in <d> (<d> including waiting)');
}

/** The events of a pod a real kubelet records for each container it pulls and starts, in order. */
export function containerStartEvents(image: string, container: string, sizeBytes: number): string[] {
  return [`Normal Pulling: Pulling image "${image}"`,
    `Normal Pulled: Successfully pulled image "${image}" in <d> (<d> including waiting). Image size: ${sizeBytes} bytes.`,
    `Normal Created: Created container: ${container}`, `Normal Started: Started container ${container}`];
}
