import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOC_PATHS, LAZY_DATA_MODULES, ON_DEMAND_MODULES, evaluateModule, splitDocs, stubSource } from '../../scripts/vite-lazy-data';
import { fillLazyData, fillStub, preloadLazyData } from './lazy-data';
import { LAZY_DATA_FILLED_NAME, LAZY_DATA_GLOBAL_NAME } from './lazy-data-names';
import { LAZY_MODULES } from './lazy-data-modules';

describe('lazy data', () => {
  it('preloads the same modules the build plugin stubs', () => {
    expect(LAZY_DATA_MODULES.map((p) => p.replace(/^.*\//, '').replace(/\.ts$/, ''))).toEqual(Object.keys(LAZY_MODULES));
  });

  it.each(LAZY_DATA_MODULES)('stubs every export of %s', (path) => {
    const text = readFileSync(resolve(__dirname, '../..', path), 'utf8');
    const stub = stubSource(path, text);
    const exported = [...text.matchAll(/^export const (\w+)/gm)].map((m) => m[1]);
    expect(exported.length).toBeGreaterThan(0);
    for (const id of exported) expect(stub).toMatch(new RegExp(`^export const ${id} = `, 'm'));
    expect(stub.length).toBeLessThan(2000);
  });

  it('stubs objects and arrays empty, keeps one-line literals, and registers the filled ones', () => {
    const stub = stubSource('x/data.generated.ts', [
      'export const A: Record<string, string> = {', '  "k": "v",', '};',
      'export const B: readonly string[] = [', '  "x",', '];',
      'export const C = "source@1";',
    ].join('\n'));
    expect(stub).toBe([
      'export const A = {};', 'export const B = [];', 'export const C = "source@1";',
      '(globalThis.__kubesimLazyData ??= {})["data.generated"] = { A, B };', '',
    ].join('\n'));
  });

  it.each(Object.entries(ON_DEMAND_MODULES))('loads %s on demand through its chunk file %s', (path, chunk) => {
    const text = readFileSync(resolve(__dirname, '../..', chunk), 'utf8');
    expect(text).toContain(`from './${path.replace(/^.*\//, '').replace(/\.ts$/, '')}'`);
    expect(LAZY_DATA_MODULES).not.toContain(path);
  });

  it('stubs an on-demand object of strings with its keys and empty texts, anything else empty', () => {
    const stub = stubSource('x/texts.generated.ts', [
      'export const T: Readonly<Record<string, string>> = {', '  "": "root",', '  "create deployment": "text",', '  bash: "x",', '};',
      'export const N: Record<string, Record<string, string>> = {', "  'a.b': {", '    x: "y",', '  },', '};',
    ].join('\n'), false, true);
    expect(stub).toBe([
      'export const T = {"":"","create deployment":"","bash":""};', 'export const N = {};',
      '(globalThis.__kubesimLazyData ??= {})["texts.generated"] = { T, N };', '',
    ].join('\n'));
  });

  it('splits the generated schema: shapes with empty descriptions, the descriptions apart', async () => {
    const path = 'src/engine/api/schema/k8s-schema.generated.ts';
    const { shape, docs } = splitDocs(await evaluateModule(resolve(__dirname, '../..', path)), DOC_PATHS[path]);
    expect(shape.length).toBeLessThan(readFileSync(resolve(__dirname, '../..', path), 'utf8').length / 3);
    const defs = JSON.parse(/^export const DEFS = (.*);$/m.exec(shape)![1]) as Record<string, [string, Record<string, unknown[]>]>;
    expect(defs['core.v1.PodSpec'][0]).toBe('');
    expect(defs['core.v1.PodSpec'][1].restartPolicy).toEqual(['s', '']);
    expect(defs['core.v1.PodSpec'][1].containers).toEqual(['[]core.v1.Container', '', 1]);
    expect(shape).toMatch(/^export const SCHEMA_SOURCE = "kubernetes-types@[\d.]+";$/m);
    const tree = docs as Record<string, Record<string, Record<string, Record<string, Record<string, string>> | string>>>;
    expect(tree.DEFS['core.v1.PodSpec']['0']).toMatch(/^PodSpec is a description of a pod\./);
    expect((tree.DEFS['core.v1.PodSpec']['1'] as Record<string, Record<string, string>>).restartPolicy['1'])
      .toMatch(/^Restart policy for all containers within the pod\./);
    expect(tree.SPECIAL_DOCS.q).toMatch(/^Quantity is a fixed-point representation/);
  });

  it('splits the enums\' value descriptions off their values', async () => {
    const path = 'src/engine/api/schema/go-enums.ts';
    const { shape, docs } = splitDocs(await evaluateModule(resolve(__dirname, '../..', path)), DOC_PATHS[path]);
    const enums = JSON.parse(/^export const ENUMS = (.*);$/m.exec(shape)![1]) as Record<string, [string, string][]>;
    expect(enums['v1.AddressType']).toEqual([['FQDN', ''], ['IPv4', ''], ['IPv6', '']]);
    expect(docs).toMatchObject({ ENUMS: { 'v1.AddressType': { 0: { 1: 'represents a FQDN.' } } } });
    // Values without a description leave nothing in the docs.
    expect((docs.ENUMS as Record<string, unknown>)['v1.AzureDataDiskKind']).toBeUndefined();
  });

  it('fills a stub in place: objects keep their key order, arrays their items', () => {
    const obj: Record<string, number> = {};
    const arr: number[] = [];
    fillStub({ obj, arr }, { obj: { b: 2, a: 1 }, arr: [3, 4], other: 'ignored' });
    expect(Object.keys(obj)).toEqual(['b', 'a']);
    expect(arr).toEqual([3, 4]);
  });

  it('refuses a stub whose data is missing from the module', () => {
    expect(() => fillStub({ obj: {} }, {})).toThrow(/obj is not an object/);
  });

  it('fills the registered stubs by module name and marks the data filled', () => {
    const scope = globalThis as Record<string, unknown>;
    const saved = [scope[LAZY_DATA_GLOBAL_NAME], scope[LAZY_DATA_FILLED_NAME]];
    const rows: Record<string, string[]> = {};
    try {
      scope[LAZY_DATA_GLOBAL_NAME] = { 'flags.generated': { FLAG_ROWS: rows } };
      scope[LAZY_DATA_FILLED_NAME] = undefined;
      fillLazyData({ 'flags.generated': { FLAG_ROWS: { get: ['--watch'] } }, other: { X: {} } });
      expect(rows).toEqual({ get: ['--watch'] });
      expect(scope[LAZY_DATA_FILLED_NAME]).toBe(true);
    } finally {
      [scope[LAZY_DATA_GLOBAL_NAME], scope[LAZY_DATA_FILLED_NAME]] = saved;
    }
  });

  it('evaluates the data before kubectl in the boot chunk (kubectl reads the flag tables at import)', () => {
    const text = readFileSync(resolve(__dirname, 'lazy-data-boot.ts'), 'utf8');
    const imports = [...text.matchAll(/^import .*?'([^']+)';$/gm)].map((m) => m[1]);
    expect(imports).toEqual(['./lazy-data-modules', '../kubectl/kubectl']);
  });

  it('preloads without stubs (tests, vite dev) as a no-op', async () => {
    await expect(preloadLazyData()).resolves.toBeUndefined();
  });
});
