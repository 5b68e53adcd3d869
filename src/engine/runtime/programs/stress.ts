// Load generators of the Kubernetes resource-management docs: polinux/stress (`stress --vm 1
// --vm-bytes 150M --vm-hang 1`: memory → OOMKilled above the limit) and vish/stress (`-cpus 2`).
import type { Program } from '../process/context';
import { sleep, waitForever } from '../process/effects';
import { klogTime } from '../util/time-format';
import { daemon } from './daemon';

/** stress's sizes: "150M", "1G", "512K", "4096B" (powers of 1024, as stress parses them). */
export function parseStressBytes(s: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)([bBkKmMgG]?)$/.exec(s);
  if (!m) return undefined;
  return Math.round(Number(m[1]) * ({ '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 } as Record<string, number>)[m[2].toLowerCase()]);
}

/** polinux/stress (stress 1.0.4). */
export const stress: Program = function* (ctx) {
  const a = ctx.argv.slice(1);
  const opt = (short: string, long: string) => { const i = a.findIndex((x) => x === short || x === long); return i >= 0 ? a[i + 1] : undefined; };
  if (a.length === 0 || a.includes('--help') || a.includes('-?')) {
    ctx.out('`stress\' imposes certain types of compute stress on your system\n\nUsage: stress [OPTION [ARG]] ...\n' +
      ' -?, --help         show this help statement\n     --version      show version statement\n -v, --verbose      be verbose\n' +
      ' -q, --quiet        be quiet\n -n, --dry-run      show what would have been done\n -t, --timeout N    timeout after N seconds\n' +
      ' -c, --cpu N        spawn N workers spinning on sqrt()\n -i, --io N         spawn N workers spinning on sync()\n' +
      ' -m, --vm N         spawn N workers spinning on malloc()/free()\n     --vm-bytes B   malloc B bytes per vm worker (default is 256MB)\n' +
      '     --vm-hang N    sleep N secs before free (default none, 0 is inf)\n');
    return a.length === 0 ? 1 : 0;
  }
  const cpu = Number(opt('-c', '--cpu') ?? 0), io = Number(opt('-i', '--io') ?? 0), vm = Number(opt('-m', '--vm') ?? 0), hdd = Number(opt('-d', '--hdd') ?? 0);
  const bytes = parseStressBytes(opt('', '--vm-bytes') ?? '256M') ?? 256 * 1024 ** 2;
  const timeout = opt('-t', '--timeout');
  ctx.out(`stress: info: [${ctx.pid}] dispatching hogs: ${cpu} cpu, ${io} io, ${vm} vm, ${hdd} hdd\n`);
  ctx.sys.setCpu(ctx.pid, cpu * 1000 + vm * 1000 + io * 50);
  // The vm workers touch their allocation page by page: usage climbs for a moment, then holds.
  if (vm > 0) {
    ctx.sys.setMemory(ctx.pid, 1024 * 1024 + (vm * bytes) / 2);
    yield* sleep(150);
    ctx.sys.setMemory(ctx.pid, 1024 * 1024 + vm * bytes);
  } else ctx.sys.setMemory(ctx.pid, 1024 * 1024);
  if (timeout !== undefined) {
    const secs = Number(timeout.replace(/s$/, ''));
    yield* sleep(secs * 1000 - (vm > 0 ? 150 : 0));
    ctx.out(`stress: info: [${ctx.pid}] successful run completed in ${secs}s\n`);
    return 0;
  }
  return yield* waitForever();
};

/** vish/stress: `-cpus N` threads burning CPU, `-mem-total` memory. */
export const vishStress: Program = function* (ctx) {
  const a = ctx.argv.slice(1);
  const opt = (n: string, d: string) => { const i = a.findIndex((x) => x === `-${n}` || x === `--${n}`); return i >= 0 ? a[i + 1] : (a.find((x) => x.startsWith(`-${n}=`))?.split('=')[1] ?? d); };
  const cpus = Number(opt('cpus', '0'));
  const mem = opt('mem-total', '0');
  const line = (msg: string) => ctx.err(`I${klogTime(ctx.sys.clock.now())}       1 main.go:${msg}\n`);
  line(`26] Allocating "${mem}" memory, in "${opt('mem-alloc-size', '4Ki')}" chunks, with a ${opt('mem-alloc-sleep', '1ms')} sleep between allocations`);
  for (let i = 0; i < cpus; i++) line('39] Spawning a thread to consume CPU');
  ctx.sys.setCpu(ctx.pid, cpus * 1000);
  const bytes = /^\d+$/.test(mem) ? Number(mem) : (Number(mem.replace(/[A-Za-z]+$/, '')) || 0) * ({ Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3 } as Record<string, number>)[mem.replace(/^[\d.]+/, '')] || 0;
  return yield* daemon(ctx, { memoryBytes: 2 * 1024 * 1024 + bytes, cpuMilli: cpus * 1000, goDefault: true });
};
