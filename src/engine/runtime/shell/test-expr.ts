// test / [ (XCU test): file, string and integer primaries with !, -a, -o and parentheses.
import type { ContainerFS } from '../filesystem/container-fs';
import { resolvePath } from '../filesystem/image-tree';

/** A malformed test expression: the message after "test: " / "[: ". */
export class TestError extends Error {}

const UNARY = new Set(['-e', '-f', '-d', '-s', '-r', '-w', '-x', '-z', '-n', '-L', '-h', '-b', '-c', '-p', '-S', '-t', '-g', '-u', '-k', '-O', '-G']);
const BINARY = new Set(['=', '==', '!=', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '<', '>', '-nt', '-ot', '-ef']);

/** Evaluates test's arguments (without the closing `]`); true/false, or throws TestError. */
export function evalTest(args: string[], fs: ContainerFS, cwd: string): boolean {
  let i = 0;
  const int = (s: string): number => {
    if (!/^\s*-?\d+\s*$/.test(s)) throw new TestError(`${s}: bad number`);
    return parseInt(s, 10);
  };
  const unary = (op: string, a: string): boolean => {
    const st = () => fs.stat(resolvePath(cwd, a));
    switch (op) {
      case '-z': return a.length === 0;
      case '-n': return a.length > 0;
      case '-e': return !!st();
      case '-f': return st()?.type === 'file';
      case '-d': return st()?.type === 'dir';
      case '-s': return (st()?.size ?? 0) > 0;
      case '-r': return !!st();
      case '-w': { const s = st(); return !!s && !s.readOnly; }
      case '-x': { const s = st(); return !!s && (s.type === 'dir' || !!(s.mode & 0o111)); }
      case '-L': case '-h': return fs.lstat(resolvePath(cwd, a))?.type === 'link';
      case '-t': return false;
      default: return false;
    }
  };
  const binary = (a: string, op: string, b: string): boolean => {
    switch (op) {
      case '=': case '==': return a === b;
      case '!=': return a !== b;
      case '<': return a < b;
      case '>': return a > b;
      case '-eq': return int(a) === int(b);
      case '-ne': return int(a) !== int(b);
      case '-lt': return int(a) < int(b);
      case '-le': return int(a) <= int(b);
      case '-gt': return int(a) > int(b);
      case '-ge': return int(a) >= int(b);
      default: return false;
    }
  };
  const primary = (): boolean => {
    const a = args[i];
    if (a === undefined) throw new TestError('argument expected');
    if (a === '!') { i++; return !primary(); }
    if (a === '(') {
      i++;
      const v = or();
      if (args[i] !== ')') throw new TestError("missing ')'");
      i++;
      return v;
    }
    if (BINARY.has(args[i + 1] ?? '') && args[i + 2] !== undefined) {
      i += 3;
      return binary(a, args[i - 2], args[i - 1]);
    }
    if (UNARY.has(a) && args[i + 1] !== undefined) {
      i += 2;
      return unary(a, args[i - 1]);
    }
    i++;
    return a.length > 0;
  };
  const and = (): boolean => {
    let v = primary();
    while (args[i] === '-a') { i++; const r = primary(); v = v && r; }
    return v;
  };
  const or = (): boolean => {
    let v = and();
    while (args[i] === '-o') { i++; const r = and(); v = v || r; }
    return v;
  };
  if (args.length === 0) return false;
  const v = or();
  if (i < args.length) throw new TestError(`${args[i]}: unknown operand`);
  return v;
}
