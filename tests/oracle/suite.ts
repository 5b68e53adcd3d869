// Registers an oracle suite: one served cluster set up with the golden manifests, then one vitest case per
// command line, comparing our kubectl's stdout, stderr and exit code with the real kubectl v1.32's.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startOracle, type Oracle, type RunOutput } from './harness';
import type { OracleCase } from './cases';

const FILES_DIR = join(__dirname, '..', 'golden', 'files');

/** The manifests every oracle cluster is set up with (tests/golden/files), in dependency order. */
export const SETUP_MANIFESTS = ['webapp-config', 'db-credentials-secret', 'database-pvc', 'webapp-deployment', 'webapp-service',
  'database-statefulset', 'webapp-ingress', 'test-app', 'pi-job', 'hello-cronjob', 'pod-reader-rbac'];

function goldenFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const f of readdirSync(FILES_DIR, { recursive: true, encoding: 'utf8' })) {
    if (statSync(join(FILES_DIR, f)).isFile()) files[f] = readFileSync(join(FILES_DIR, f), 'utf8');
  }
  return files;
}

const asCase = (c: string | OracleCase): OracleCase => (typeof c === 'string' ? { line: c } : c);

function normalized(r: RunOutput, n?: (s: string) => string): RunOutput {
  return n ? { stdout: n(r.stdout), stderr: n(r.stderr), code: r.code } : r;
}

/** How a suite compares our kubectl's run with the real one's (the test file states it). */
export type OracleCheck = (ours: RunOutput, real: RunOutput) => void;

/** One describe block: a cluster, then each case compared in order (cases may change the cluster). */
export function oracleSuite(title: string, cases: readonly (string | OracleCase)[], check: OracleCheck,
  opts: { setup?: string[] } = {}): void {
  describe.sequential(title, () => {
    let o: Oracle;
    beforeAll(async () => {
      o = await startOracle({ files: goldenFiles(), setup: opts.setup ?? SETUP_MANIFESTS.map((f) => `apply -f ${f}.yaml`) });
    });
    afterAll(async () => {
      await o?.close();
    });
    for (const raw of cases) {
      const c = asCase(raw);
      it(`kubectl ${c.line}`, async () => {
        let { real, ours } = await o.both(c.line);
        if (c.normalize) {
          real = normalized(real, c.normalize);
          ours = normalized(ours, c.normalize);
        }
        check(ours, real);
      });
    }
  });
}
