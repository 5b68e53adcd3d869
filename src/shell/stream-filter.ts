// The last command of a pipeline as a line filter that sees lines as they are written, so
// `kubectl get pods -w | grep web` and `kubectl logs -f web | grep GET` show matches while the
// watch runs (the pipeline's commands otherwise run one after another). Only filters that treat
// each line on its own stream: grep without -c or context, cut, tr, awk without NR, sed s///.
import { BUILTINS, type ProcIO } from './builtins';
import type { MemFS } from './memfs';

/** A filter fed line by line; end() flushes a last partial line and gives the exit status. */
export interface LineFilter {
  write(chunk: string): void;
  end(): number;
}

/** Whether these words name a filter that may see its input a line at a time. */
function lineWise(argv: string[]): boolean {
  const [name, ...args] = argv;
  switch (name) {
    case 'grep': return !args.some((a) => /^-[a-zA-Z]*[cABCLlqm]/.test(a) || /^--(count|context|after|before|files|max)/.test(a));
    case 'cut': case 'tr': return true;
    case 'head': return args.every((a, i) => /^-(n?\d+|n)$/.test(a) || (args[i - 1] === '-n' && /^\d+$/.test(a)));
    case 'awk': return !args.some((a) => /\bNR\b|END|BEGIN/.test(a));
    case 'sed': return !args.some((a) => a === '-i' || a === '-n' || /^\d|\$/.test(a));
    default: return false;
  }
}

/** A streaming filter for argv, or undefined when it must see its whole input at once. */
export function lineFilter(argv: string[], out: (s: string) => void, err: (s: string) => void, fs: MemFS, closePipe: () => void): LineFilter | undefined {
  const builtin = BUILTINS[argv[0]];
  if (!builtin || !lineWise(argv)) return undefined;
  if (argv[0] === 'head') return headFilter(argv.slice(1), out, closePipe);
  let pending = '';
  let matched = false;
  let last: number | undefined;
  const run = (text: string) => {
    const io: ProcIO = { args: argv.slice(1), stdin: text, out, err, fs };
    const code = builtin(io);
    if (typeof code === 'number') {
      last = code;
      if (code === 0) matched = true;
    }
  };
  return {
    write(chunk) {
      pending += chunk;
      const nl = pending.lastIndexOf('\n');
      if (nl < 0) return;
      const lines = pending.slice(0, nl + 1);
      pending = pending.slice(nl + 1);
      run(lines);
    },
    end() {
      if (pending || last === undefined) run(pending);
      pending = '';
      // grep succeeds when any batch matched; an error (2) wins.
      if (last === 2) return 2;
      return argv[0] === 'grep' ? (matched ? 0 : 1) : (last ?? 0);
    },
  };
}

/** head -n N: passes N lines, then closes the pipe (the writer ends, as on SIGPIPE). */
function headFilter(args: string[], out: (s: string) => void, closePipe: () => void): LineFilter {
  let left = 10;
  for (let i = 0; i < args.length; i++) {
    const m = /^-n?(\d+)$/.exec(args[i]);
    if (m) left = Number(m[1]);
    else if (args[i] === '-n') left = Number(args[++i]);
  }
  let pending = '';
  if (left <= 0) closePipe();
  return {
    write(chunk) {
      if (left <= 0) return;
      pending += chunk;
      let nl = pending.indexOf('\n');
      while (nl >= 0 && left > 0) {
        out(pending.slice(0, nl + 1));
        pending = pending.slice(nl + 1);
        left--;
        nl = pending.indexOf('\n');
      }
      if (left <= 0) closePipe();
    },
    end() {
      if (left > 0 && pending) out(pending);
      return 0;
    },
  };
}
