import { describe, expect, it } from 'vitest';
import { Shell } from './shell';
import { MemFS } from './memfs';

const shell = () => new Shell({ fs: new MemFS(), kubectlEnv: () => { throw new Error('unused'); }, sleep: async () => undefined });

describe('Shell.feed', () => {
  const cases = [
    { name: 'a plain line is complete', lines: ['echo hi'], complete: [true] },
    { name: 'a heredoc waits for its delimiter', lines: ['cat <<EOF > a', 'x', 'EOF'], complete: [false, false, true] },
    { name: '<<- strips tabs before the delimiter', lines: ['cat <<-END', '\tbody', '\tEND'], complete: [false, false, true] },
    { name: 'two heredocs on one line need both delimiters', lines: ['cat <<A <<B', 'a', 'A', 'b', 'B'], complete: [false, false, false, false, true] },
    { name: 'an open quote continues', lines: ["echo 'a", "b'"], complete: [false, true] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const sh = shell();
      expect(c.lines.map((l) => sh.feed(l) !== undefined)).toEqual(c.complete);
    });
  }

  it('takes a 20,000-line heredoc in linear time and returns the whole text', () => {
    const sh = shell();
    const body = Array.from({ length: 20_000 }, (_, i) => `  line-${i}: ${'x'.repeat(40)}`);
    const t0 = performance.now();
    expect(sh.feed('cat <<EOF > big.yaml')).toBeUndefined();
    for (const l of body) expect(sh.feed(l)).toBeUndefined();
    const text = sh.feed('EOF');
    expect(performance.now() - t0).toBeLessThan(2_000);
    expect(text).toBe(['cat <<EOF > big.yaml', ...body, 'EOF'].join('\n'));
  });

  it('cancelInput forgets a pending heredoc', () => {
    const sh = shell();
    sh.feed('cat <<EOF');
    sh.cancelInput();
    expect(sh.prompt()).toBe('$ ');
    expect(sh.feed('echo ok')).toBe('echo ok');
  });
});
