// Shared by the simulated utilities: which implementation the image ships (busybox applets on
// busybox/alpine, GNU coreutils elsewhere), their error wording, and option parsing.
import type { ProcCtx } from '../../process/context';
import type { FsError } from '../../filesystem/container-fs';
import { resolvePath } from '../../filesystem/image-tree';

/** busybox applet or GNU tool. */
export type Flavor = 'busybox' | 'gnu';

/** The utilities' flavour in this container. */
export function flavor(ctx: ProcCtx): Flavor {
  const f = ctx.sys.image.os.flavor;
  return f === 'busybox' || f === 'alpine' ? 'busybox' : 'gnu';
}

/** The utility's name as it reports errors ("cat", not "/bin/cat"). */
export function progName(ctx: ProcCtx): string {
  return (ctx.argv[0] ?? '').split('/').pop() ?? '';
}

/** An absolute path for an argument. */
export function abs(ctx: ProcCtx, p: string): string {
  return resolvePath(ctx.cwd, p);
}

/** Reads a file or stdin ("-"); prints the flavour's error and returns undefined on failure. */
export function* readInput(ctx: ProcCtx, file: string | undefined) {
  if (file === undefined || file === '-') return yield* ctx.stdin.readAll();
  const c = ctx.sys.fs.read(abs(ctx, file));
  if (typeof c === 'string') return c;
  ctx.err(openError(ctx, file, c));
  return undefined;
}

/** "cat: can't open 'x': No such file or directory" (busybox) / "cat: x: No such file or directory" (GNU). */
export function openError(ctx: ProcCtx, file: string, e: FsError): string {
  return flavor(ctx) === 'busybox' ? `${progName(ctx)}: can't open '${file}': ${e.text}\n` : `${progName(ctx)}: ${file}: ${e.text}\n`;
}

/** Parsed command-line options: short flags (clustered), options with values, and operands. */
export interface Parsed {
  flags: Set<string>;
  values: Map<string, string>;
  operands: string[];
}

/**
 * Parses argv[1…] getopt-style. `withValue` lists options taking a value ("n", "O", "-timeout").
 * Long options are "--name" or "--name=value" and are stored without the dashes.
 */
export function parseArgs(argv: string[], withValue: string[] = []): Parsed {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const operands: string[] = [];
  const takes = new Set(withValue);
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') { operands.push(...argv.slice(i + 1)); break; }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (eq > 0) values.set(name, a.slice(eq + 1));
      else if (takes.has(`-${name}`)) values.set(name, argv[++i] ?? '');
      else flags.add(name);
      continue;
    }
    if (a.startsWith('-') && a.length > 1 && !/^-\d+$/.test(a)) {
      for (let j = 1; j < a.length; j++) {
        const f = a[j];
        if (takes.has(f)) {
          values.set(f, a.slice(j + 1) || (argv[++i] ?? ''));
          break;
        }
        flags.add(f);
      }
      continue;
    }
    operands.push(a);
  }
  return { flags, values, operands };
}

/** Splits output into lines for line-oriented tools (no trailing empty line). */
export function lines(s: string): string[] {
  if (s === '') return [];
  const l = s.split('\n');
  if (l[l.length - 1] === '') l.pop();
  return l;
}
