import { describe, expect, it } from 'vitest';
import { displayWidth, tableWriter } from './service';

describe('tableWriter (minikube service and addons tables)', () => {
  it('centres headers, right-aligns numbers, splits multi-line cells', () => {
    expect(tableWriter(['NAMESPACE', 'NAME', 'TARGET PORT', 'URL'], [['default', 'hello-node', '8080', 'http://192.168.49.2:32490']])).toBe(
      '|-----------|------------|-------------|---------------------------|\n'
      + '| NAMESPACE |    NAME    | TARGET PORT |            URL            |\n'
      + '|-----------|------------|-------------|---------------------------|\n'
      + '| default   | hello-node |        8080 | http://192.168.49.2:32490 |\n'
      + '|-----------|------------|-------------|---------------------------|\n');
    expect(tableWriter(['A', 'B'], [['x', 'one\ntwo']])).toBe('|---|-----|\n| A |  B  |\n|---|-----|\n| x | one |\n|   | two |\n|---|-----|\n');
  });
  const widths = [{ name: 'ascii', s: 'enabled', want: 7 }, { name: 'emoji', s: 'enabled ✅', want: 10 }];
  for (const c of widths) it(`measures ${c.name}`, () => expect(displayWidth(c.s)).toBe(c.want));
});
