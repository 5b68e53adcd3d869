// Bad input never crashes anything and never loses work: mangled manifests, random command lines and
// random request bodies each get an error (or a result), never an exception, a stack trace, or a half
// write. Property tests with a fixed fast-check seed, so a failure replays.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Session } from '../../src/server/session';
import { RESOURCES } from '../../src/engine/api/kinds';

const FILES = join(import.meta.dirname, '../golden/files');
const manifests = readdirSync(FILES).filter((f) => f.endsWith('.yaml')).sort()
  .map((f) => readFileSync(join(FILES, f), 'utf8'));

// What a crash looks like when it leaks into a terminal.
const CRASH = /TypeError|ReferenceError|RangeError|SyntaxError: (?!.*line)|\[object Object\]|\bundefined\b|\bNaN\b|^\s+at .+:\d+:\d+\)?$/m;

/** A manifest with a few edits: characters dropped, doubled or replaced, lines swapped or re-indented. */
const mangled = fc.record({
  base: fc.constantFrom(...manifests),
  edits: fc.array(fc.tuple(fc.nat(), fc.constantFrom('drop', 'dup', 'junk', 'swap', 'indent', 'tab'), fc.string({ maxLength: 4 })),
    { minLength: 1, maxLength: 4 }),
}).map(({ base, edits }) => {
  let text = base;
  for (const [at, op, junk] of edits) {
    const i = text.length === 0 ? 0 : at % text.length;
    const lines = text.split('\n');
    const l = lines.length === 0 ? 0 : at % lines.length;
    switch (op) {
      case 'drop': text = text.slice(0, i) + text.slice(i + 1); break;
      case 'dup': text = text.slice(0, i) + text[i] + text.slice(i); break;
      case 'junk': text = text.slice(0, i) + junk + text.slice(i); break;
      case 'swap': if (l + 1 < lines.length) [lines[l], lines[l + 1]] = [lines[l + 1], lines[l]]; text = lines.join('\n'); break;
      case 'indent': lines[l] = ' ' + lines[l]; text = lines.join('\n'); break;
      case 'tab': lines[l] = '\t' + lines[l]; text = lines.join('\n'); break;
    }
  }
  return text;
});

const WORDS = ['get', 'describe', 'apply', 'delete', 'create', 'logs', 'exec', 'scale', 'rollout', 'edit', 'label',
  'annotate', 'patch', 'explain', 'run', 'expose', 'set', 'top', 'config', 'wait', 'diff', 'events', 'cordon', 'drain',
  'pods', 'po', 'deploy', 'svc', 'nodes', 'all', 'cm', 'secret', 'pvc', 'x', 'web', '-f', '-', '-o', 'yaml', 'json',
  'wide', 'name', 'jsonpath={.items[*]}', 'jsonpath={', '-l', 'app=', 'a!=b,c', '--field-selector', 'status.phase=',
  '-n', 'kube-system', '-A', '--all', '--replicas=-1', '--replicas=x', '--sort-by', '{.metadata.name', '--', 'sh',
  '-c', '--grace-period=-5', '--timeout=x', '-w', '--dry-run=client', '--type=json', '-p', '{"spec":', '[{"op":"x"}]',
  '"', "'", '=', '--', '---', '%', 'é', '\\', '🙂', '--help', '-h', '--v=9'];

const commandLine = fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 7 })
  .map((ws) => ws.map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(' '));

describe('bad input', () => {
  let s: Session;
  // What the learner wrote: every listable object but the ones components write on their own.
  const dump = () => JSON.stringify(RESOURCES
    .filter((r) => r.verbs.includes('list') && !['events', 'leases', 'endpoints', 'endpointslices'].includes(r.resource))
    .map((r) => s.cluster.api.handle({ verb: 'list', group: r.group, version: r.version, resource: r.resource }).body)
    .map((b) => ((b as { items?: { metadata?: { namespace?: string; name?: string } }[] }).items ?? [])
      .map((o) => `${o.metadata?.namespace}/${o.metadata?.name}`)));

  beforeAll(() => {
    s = new Session({ seed: 7 });
  });

  it('a mangled manifest is applied or refused with an error, never a crash; a refusal writes nothing', async () => {
    await fc.assert(fc.asyncProperty(mangled, async (text) => {
      s.fs.write('/home/learner/f.yaml', text);
      const before = dump();
      const { output, exitCode } = await s.run('kubectl apply -f f.yaml');
      expect(output).not.toMatch(CRASH);
      expect(typeof exitCode).toBe('number');
      if (exitCode !== 0 && !/ (created|configured|unchanged)\b/.test(output)) expect(dump()).toBe(before);
      await s.run('kubectl delete all --all --now --wait=false >/dev/null 2>&1; kubectl delete cm,secret,pvc --all --now --wait=false >/dev/null 2>&1');
    }), { numRuns: 60, seed: 42 });
  });

  it('a random command line ends with kubectl’s error or output, never a crash', async () => {
    await fc.assert(fc.asyncProperty(commandLine, async (line) => {
      const { output, exitCode } = await s.run(`kubectl ${line} </dev/null`);
      expect(output).not.toMatch(CRASH);
      expect(exitCode).toBeGreaterThanOrEqual(0);
    }), { numRuns: 150, seed: 43 });
  });

  it('a random request body gets a Status or an object from the API server, never an exception', () => {
    const patchTypes = ['application/json-patch+json', 'application/merge-patch+json',
      'application/strategic-merge-patch+json', 'application/apply-patch+yaml'] as const;
    fc.assert(fc.property(fc.constantFrom(...RESOURCES), fc.constantFrom('create', 'update', 'patch') as fc.Arbitrary<'create' | 'update' | 'patch'>,
      fc.constantFrom(...patchTypes), fc.jsonValue(), (r, verb, patchType, body) => {
        const res = s.cluster.api.handle({ verb, group: r.group, version: r.version, resource: r.resource,
          namespace: r.namespaced ? 'default' : undefined, name: verb === 'create' ? undefined : 'x', body,
          patchType: verb === 'patch' ? patchType : undefined, query: patchType.includes('apply') ? { fieldManager: 'fuzz' } : {} });
        expect(res.code).toBeGreaterThanOrEqual(200);
        expect(res.body).toBeTypeOf('object');
      }), { numRuns: 300, seed: 44 });
  });
});
