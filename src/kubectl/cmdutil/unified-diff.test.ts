import { describe, expect, it } from 'vitest';
import { unifiedHunks } from './unified-diff';

describe('unifiedHunks (GNU diff -u)', () => {
  const cases = [
    { name: 'equal texts', a: 'a\nb\n', b: 'a\nb\n', want: '' },
    { name: 'change and append', a: 'a\nb\nc\n', b: 'a\nB\nc\nd\n', want: '@@ -1,3 +1,4 @@\n a\n-b\n+B\n c\n+d\n' },
    { name: 'new file', a: '', b: 'x\ny\n', want: '@@ -0,0 +1,2 @@\n+x\n+y\n' },
    { name: 'deleted file', a: 'x\n', b: '', want: '@@ -1 +0,0 @@\n-x\n' },
    { name: 'two hunks far apart',
      a: '1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n', b: '1\nX\n3\n4\n5\n6\n7\n8\n9\n10\n11\nY\n',
      want: '@@ -1,5 +1,5 @@\n 1\n-2\n+X\n 3\n 4\n 5\n@@ -9,4 +9,4 @@\n 9\n 10\n 11\n-12\n+Y\n' },
    { name: 'hunks merged when contexts touch',
      a: '1\n2\n3\n4\n5\n6\n7\n8\n9\n', b: '1\nX\n3\n4\n5\n6\n7\n8\nY\n',
      want: '@@ -1,9 +1,9 @@\n 1\n-2\n+X\n 3\n 4\n 5\n 6\n 7\n 8\n-9\n+Y\n' },
  ];
  it.each(cases)('$name', ({ a, b, want }) => {
    expect(unifiedHunks(a, b)).toBe(want);
  });
});
