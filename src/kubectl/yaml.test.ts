import { describe, expect, it } from 'vitest';
import { parseManifests } from './yaml';

describe('parseManifests integers (go-yaml v2)', () => {
  const cases = [
    { name: 'leading zero is octal', text: '0644', want: 420 },
    { name: 'defaultMode 0400', text: '0400', want: 256 },
    { name: 'octal 0777', text: '0777', want: 511 },
    { name: '0o prefix', text: '0o644', want: 420 },
    { name: 'hex', text: '0x1ff', want: 511 },
    { name: 'binary', text: '0b101', want: 5 },
    { name: 'decimal', text: '420', want: 420 },
    { name: 'underscores dropped', text: '1_000', want: 1000 },
    { name: 'negative', text: '-1', want: -1 },
    { name: 'zero', text: '0', want: 0 },
    { name: 'not octal digits: a float', text: '08', want: 8 },
    { name: 'quoted stays a string', text: '"0644"', want: '0644' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const [d] = parseManifests(`kind: X\nv: ${c.text}\n`);
      expect((d.obj as unknown as { v: unknown }).v).toBe(c.want);
    });
  }
});
