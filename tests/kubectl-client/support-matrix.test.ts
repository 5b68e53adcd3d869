// docs/kubectl-support.md claims only what the tests show: it is generated from them and must be current.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSupportMatrix, shellCommands } from '../../scripts/gen-kubectl-support';

describe('docs/kubectl-support.md', () => {
  it('is what scripts/gen-kubectl-support.ts generates from the tests (run `npm run docs:kubectl`)', () => {
    expect(readFileSync(join(import.meta.dirname, '../../docs/kubectl-support.md'), 'utf8')).toBe(generateSupportMatrix());
  });

  it.each([
    { name: 'quotes and pipes', line: `kubectl get pods -o jsonpath='{.items[*]}' | grep x`, want: [['kubectl', 'get', 'pods', '-o', 'jsonpath={.items[*]}'], ['grep', 'x']] },
    { name: 'redirects and &&', line: 'kubectl apply -f - <f.yaml >/dev/null 2>&1 && kubectl get po', want: [['kubectl', 'apply', '-f', '-'], ['kubectl', 'get', 'po']] },
    { name: 'double quotes, escapes, comments', line: 'kubectl exec p -- sh -c "echo \\"hi\\"; date" # note', want: [['kubectl', 'exec', 'p', '--', 'sh', '-c', 'echo "hi"; date']] },
  ])('splits command lines as a shell does: $name', ({ line, want }) => {
    expect(shellCommands(line)).toEqual(want);
  });
});
