// Golden transcripts: every tests/golden/*.sh runs through `kubesim script` (seed 1 unless the file
// names another in a comment line `# seed: N`; `# nodes: N`; `# timings: --node-monitor-grace-period=10s …`
// takes kubesim script's timing flags) and must print exactly tests/golden/*.out.
// Regenerate after an intended change with UPDATE_GOLDEN=1 npx vitest run tests/golden.test.ts,
// then read the diff: the .out files are the product.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runScript } from '../src/server/script';
import { applyTimingFlag } from '../src/server/timing-flags';
import type { ClusterTimings } from '../src/engine/cluster';

const dir = resolve(__dirname, 'golden');

function fallback(base: string) {
  const abs = (p: string) => join(base, p.replace(/^\/home\/learner\/?/, ''));
  return {
    read: (p: string) => (existsSync(abs(p)) && statSync(abs(p)).isFile() ? readFileSync(abs(p), 'utf8') : undefined),
    isDir: (p: string) => existsSync(abs(p)) && statSync(abs(p)).isDirectory(),
    list: (p: string) => (existsSync(abs(p)) ? readdirSync(abs(p)).sort() : []),
  };
}

describe('golden transcripts', () => {
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.sh')).sort()) {
    it(f, async () => {
      const script = readFileSync(join(dir, f), 'utf8');
      const seed = Number(/^# seed: (\d+)/m.exec(script)?.[1] ?? 1);
      const nodes = Number(/^# nodes: (\d+)/m.exec(script)?.[1] ?? 1);
      const timings: Partial<ClusterTimings> = {};
      for (const flag of /^# timings: (.*)$/m.exec(script)?.[1].split(/\s+/) ?? []) {
        const [name, value] = flag.split('=');
        expect(applyTimingFlag(name, value, timings)).toBe('ok');
      }
      const out = await runScript(script, { seed, nodes, timings, fallback: fallback(join(dir, 'files')) });
      const golden = join(dir, f.replace(/\.sh$/, '.out'));
      if (process.env.UPDATE_GOLDEN || !existsSync(golden)) writeFileSync(golden, out);
      expect(out).toBe(readFileSync(golden, 'utf8'));
      // Same seed, same script: same bytes.
      expect(await runScript(script, { seed, nodes, timings, fallback: fallback(join(dir, 'files')) })).toBe(out);
    });
  }
});
