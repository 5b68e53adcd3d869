import { describe, expect, it } from 'vitest';
import type { ProcIO } from './builtins';
import { grep } from './grep';
import { MemFS } from './memfs';

const INPUT = `Name:   web
Status: Running
Events:
  Type    Reason   Age
  Normal  Pulled   5s
  Normal  Started  4s
Conditions:
  Ready   True
Tolerations: none
Labels: app=web
`;

function run(args: string[]): { out: string; err: string; code: number } {
  let out = '';
  let err = '';
  const io: ProcIO = { args, stdin: INPUT, out: (s) => { out += s; }, err: (s) => { err += s; }, fs: new MemFS('/home/learner') };
  const code = grep(io, (x) => x.stdin);
  return { out, err, code };
}

// Expected outputs are GNU grep 3.x's on the same input.
describe('grep', () => {
  it.each([
    { name: 'after context', args: ['-A2', 'Events'], out: 'Events:\n  Type    Reason   Age\n  Normal  Pulled   5s\n' },
    { name: 'before and after', args: ['-B1', '-A1', 'Normal'], out: '  Type    Reason   Age\n  Normal  Pulled   5s\n  Normal  Started  4s\nConditions:\n' },
    { name: 'context', args: ['-C1', 'Status'], out: 'Name:   web\nStatus: Running\nEvents:\n' },
    { name: 'separate groups', args: ['-A1', 'Name\\|Ready'], out: 'Name:   web\nStatus: Running\n--\n  Ready   True\nTolerations: none\n' },
    { name: 'line numbers with context', args: ['-n', '-B1', 'Status\\|Tolerations'],
      out: '1-Name:   web\n2:Status: Running\n--\n8-  Ready   True\n9:Tolerations: none\n' },
    { name: 'separate -A argument', args: ['-A', '1', '-n', 'Name'], out: '1:Name:   web\n2-Status: Running\n' },
    { name: 'long option', args: ['--after-context=1', 'Labels'], out: 'Labels: app=web\n' },
    { name: 'count', args: ['-c', 'Normal'], out: '2\n' },
    { name: 'several -e patterns', args: ['-e', 'Name', '-eLabels'], out: 'Name:   web\nLabels: app=web\n' },
    { name: 'long --regexp', args: ['--regexp=Ready', '-n'], out: '8:  Ready   True\n' },
    { name: 'only matching', args: ['-o', 'N[a-z]*'], out: 'Name\nNormal\nNormal\n' },
    { name: 'only matching with line numbers, several per line', args: ['-on', 'e[a-z]'], out: '1:eb\n3:en\n4:ea\n5:ed\n6:ed\n8:ea\n9:er\n10:el\n10:eb\n' },
    { name: 'only matching inverted prints nothing', args: ['-o', '-v', 'Name'], out: '' },
    { name: 'invert', args: ['-v', '-c', 'Normal'], out: '8\n' },
    { name: 'whole word', args: ['-w', 'Run'], out: '', code: 1 },
    { name: 'whole word found', args: ['-w', 'Running'], out: 'Status: Running\n' },
    { name: 'ignore case', args: ['-i', '-n', 'status'], out: '2:Status: Running\n' },
    { name: 'anchor', args: ['^Name'], out: 'Name:   web\n' },
    { name: 'any character', args: ['a.e'], out: 'Name:   web\nLabels: app=web\n' },
    { name: 'extended alternation', args: ['-E', 'Pulled|Started'], out: '  Normal  Pulled   5s\n  Normal  Started  4s\n' },
    { name: 'basic: | is literal', args: ['Pulled|Started'], out: '', code: 1 },
    { name: 'quiet', args: ['-q', 'web'], out: '' },
  ])('$name', (c) => {
    const r = run(c.args);
    expect(r.out).toBe(c.out);
    expect(r.code).toBe(c.code ?? 0);
  });

  it.each([
    { name: 'bad context length', args: ['-A', 'x', 'web'], err: 'grep: x: invalid context length argument\n' },
    { name: 'unknown option', args: ['-j', 'web'], err: "grep: invalid option -- 'j'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n" },
    { name: 'missing context length', args: ['-A'], err: "grep: option requires an argument -- 'A'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n" },
    { name: 'no pattern', args: [], err: "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n" },
  ])('errors: $name', (c) => {
    const r = run(c.args);
    expect(r.err).toBe(c.err);
    expect(r.code).toBe(2);
  });
});
