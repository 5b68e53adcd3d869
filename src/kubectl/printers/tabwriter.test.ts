import { describe, expect, it } from 'vitest';
import { tabwrite } from './tabwriter';

describe('tabwrite', () => {
  it('pads every column but the last to its widest cell plus 3', () => {
    expect(tabwrite([['NAME', 'READY', 'STATUS'], ['test-app-pod', '1/1', 'Running']])).toBe(
      'NAME           READY   STATUS\n' +
      'test-app-pod   1/1     Running\n');
  });
  it('counts runes, not bytes', () => {
    expect(tabwrite([['é', 'x'], ['ab', 'y']])).toBe('é    x\nab   y\n');
  });
});
