import { describe, expect, it } from 'vitest';
import { EXAMPLE_NAMES, absPath, badName, freshName, relPath } from './files';

const existing = ['/home/learner/web.yaml', '/home/learner/untitled.yaml'];

describe('editor files', () => {
  it.each([
    { name: 'plain', typed: 'pod.yaml', want: undefined },
    { name: 'in a directory', typed: 'app/pod.yaml', want: undefined },
    { name: 'empty', typed: '  ', want: 'Give the file a name.' },
    { name: 'a space', typed: 'my pod.yaml', want: 'Use letters, digits, dots, dashes, underscores and slashes.' },
    { name: 'taken', typed: 'web.yaml', want: 'web.yaml already exists.' },
    { name: 'a directory', typed: 'app/', want: 'That is a directory name.' },
  ])('badName: $name', ({ typed, want }) => {
    expect(badName(typed, existing)).toBe(want);
  });

  it('lets a file keep its own name on rename', () => {
    expect(badName('web.yaml', existing, '/home/learner/web.yaml')).toBeUndefined();
  });

  it('names new files that do not exist yet', () => {
    expect(freshName('untitled.yaml', new Set(existing))).toBe('untitled-2.yaml');
    expect(freshName('pod.yaml', new Set(existing))).toBe('pod.yaml');
  });

  it('maps paths between ~ and absolute', () => {
    expect(absPath('~/a.yaml')).toBe('/home/learner/a.yaml');
    expect(absPath('/tmp/x.yaml')).toBe('/tmp/x.yaml');
    expect(relPath('/home/learner/app/a.yaml')).toBe('app/a.yaml');
    expect(relPath('/tmp/x.yaml')).toBe('/tmp/x.yaml');
  });

  it('has the seed manifests as examples', () => {
    expect(EXAMPLE_NAMES).toEqual(expect.arrayContaining(['test-app.yaml', 'webapp-deployment.yaml', 'webapp-service.yaml', 'webapp-ingress.yaml']));
  });
});
