import { describe, expect, it } from 'vitest';
import { DEFAULT_EPOCH } from '../../clock';
import { DATA_DIR_NAME, writePayload, type FileProjection } from './atomic-writer';
import { MemFS } from './memfs';

const payload = (o: Record<string, string | [string, number]>) =>
  new Map<string, FileProjection>(Object.entries(o).map(([k, v]) => [k, typeof v === 'string' ? { data: v, mode: 0o644 } : { data: v[0], mode: v[1] }]));

describe('writePayload (atomic writer)', () => {
  it('writes a timestamped directory, ..data pointing at it and a link per top-level path', () => {
    const fs = new MemFS();
    expect(writePayload(fs, payload({ WEBAPP_ENV: 'production', 'db/url': ['mongodb://x', 0o400] }), DEFAULT_EPOCH, 'uid/config')).toBe(true);
    const dir = fs.readlink(DATA_DIR_NAME)!;
    expect(dir).toMatch(/^\.\.2025_01_15_09_00_00\.\d+$/);
    expect(fs.list('')).toEqual([dir, '..data', 'WEBAPP_ENV', 'db']);
    expect(fs.readlink('WEBAPP_ENV')).toBe('..data/WEBAPP_ENV');
    expect(fs.readlink('db')).toBe('..data/db');
    expect(fs.read('WEBAPP_ENV')).toBe('production');
    expect(fs.read('db/url')).toBe('mongodb://x');
    expect(fs.isDir('db')).toBe(true);
    expect(fs.mode('db/url')).toBe(0o400);
    expect(fs.mode('WEBAPP_ENV')).toBe(0o644);
    expect(fs.mode(dir)).toBe(0o755);
  });

  it('an unchanged payload writes nothing; a change swaps ..data, drops links of removed keys and the old directory', () => {
    const fs = new MemFS();
    writePayload(fs, payload({ a: '1', b: '2' }), DEFAULT_EPOCH, 's');
    const first = fs.readlink(DATA_DIR_NAME)!;
    expect(writePayload(fs, payload({ a: '1', b: '2' }), DEFAULT_EPOCH + 60_000, 's')).toBe(false);
    expect(fs.readlink(DATA_DIR_NAME)).toBe(first);
    expect(writePayload(fs, payload({ a: '3', c: '4' }), DEFAULT_EPOCH + 60_000, 's')).toBe(true);
    const second = fs.readlink(DATA_DIR_NAME)!;
    expect(second).toMatch(/^\.\.2025_01_15_09_01_00\./);
    expect(fs.list('')).toEqual([second, '..data', 'a', 'c']);
    expect([fs.read('a'), fs.read('b'), fs.read('c')]).toEqual(['3', undefined, '4']);
    // A mode change alone is a change.
    expect(writePayload(fs, payload({ a: ['3', 0o600], c: '4' }), DEFAULT_EPOCH + 120_000, 's')).toBe(true);
    expect(fs.mode('a')).toBe(0o600);
  });

  it('removing a link leaves its target', () => {
    const fs = new MemFS();
    writePayload(fs, payload({ a: '1' }), DEFAULT_EPOCH, 's');
    expect(fs.remove('a')).toBe(true);
    expect(fs.read('..data/a')).toBe('1');
    expect(fs.read('a')).toBeUndefined();
  });
});
