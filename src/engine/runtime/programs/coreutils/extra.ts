// Smaller utilities learners reach for: dig/host, getent, stat, readlink/realpath, base64,
// sha256sum, mktemp, ln, pidof/pgrep/killall, netstat, df, du, more/less, time, nice, getconf.
import type { Program, ProcCtx } from '../../process/context';
import { sha256Hex } from '../../util/sha256';
import { isIPv4, searchCandidates } from '../../process/resolver';
import { abs, flavor, parseArgs, readInput } from './common';

function lookup(ctx: ProcCtx, name: string): { fqdn: string; ips: string[] } | undefined {
  if (isIPv4(name)) return { fqdn: name, ips: [name] };
  for (const fqdn of searchCandidates(name, ctx.sys.dnsConfig().search, 5)) {
    const ips = ctx.sys.resolveHost(`${fqdn}.`);
    if (ips?.length) return { fqdn, ips };
  }
  return undefined;
}

const dig: Program = function* (ctx) {
  const name = ctx.argv.slice(1).find((a) => !a.startsWith('+') && !a.startsWith('@') && !a.startsWith('-')) ?? '.';
  const short = ctx.argv.includes('+short');
  const hit = lookup(ctx, name.replace(/\.$/, ''));
  if (short) { ctx.out(hit ? hit.ips.map((i) => `${i}\n`).join('') : ''); return 0; }
  const ns = ctx.sys.dnsConfig().nameserver;
  ctx.out(`\n; <<>> DiG 9.10.3-P4-Debian <<>> ${name}\n;; global options: +cmd\n;; Got answer:\n;; ->>HEADER<<- opcode: QUERY, status: ${hit ? 'NOERROR' : 'NXDOMAIN'}, id: ${ctx.sys.rng.int(65536)}\n` +
    `;; flags: qr aa rd; QUERY: 1, ANSWER: ${hit?.ips.length ?? 0}, AUTHORITY: 0, ADDITIONAL: 1\n\n;; QUESTION SECTION:\n;${name}.\t\t\tIN\tA\n\n` +
    (hit ? `;; ANSWER SECTION:\n${hit.ips.map((ip) => `${hit.fqdn}.\t30\tIN\tA\t${ip}\n`).join('')}\n` : '') +
    `;; Query time: 0 msec\n;; SERVER: ${ns}#53(${ns})\n;; MSG SIZE  rcvd: 100\n\n`);
  return 0;
};

const host: Program = function* (ctx) {
  const name = ctx.argv[1] ?? '';
  const hit = lookup(ctx, name);
  if (!hit) { ctx.out(`Host ${name} not found: 3(NXDOMAIN)\n`); return 1; }
  ctx.out(hit.ips.map((ip) => `${hit.fqdn} has address ${ip}\n`).join(''));
  return 0;
};

const getent: Program = function* (ctx) {
  const [db, key] = ctx.argv.slice(1);
  if (db === 'hosts' && key) {
    const ips = ctx.sys.resolveHost(key);
    if (!ips?.length) return 2;
    ctx.out(`${ips[0].padEnd(15)} ${key}\n`);
    return 0;
  }
  if (db === 'passwd' || db === 'group') {
    const c = ctx.sys.fs.read(`/etc/${db}`);
    const lines = typeof c === 'string' ? c.split('\n').filter(Boolean) : [];
    const hit = key ? lines.filter((l) => l.split(':')[0] === key) : lines;
    ctx.out(hit.map((l) => `${l}\n`).join(''));
    return hit.length ? 0 : 2;
  }
  return 1;
};

const stat: Program = function* (ctx) {
  let status = 0;
  for (const f of parseArgs(ctx.argv).operands) {
    const st = ctx.sys.fs.lstat(abs(ctx, f));
    if (!st) { ctx.err(flavor(ctx) === 'busybox' ? `stat: can't stat '${f}': No such file or directory\n` : `stat: cannot statx '${f}': No such file or directory\n`); status = 1; continue; }
    const kind = st.type === 'dir' ? 'directory' : st.type === 'link' ? 'symbolic link' : st.size === 0 ? 'regular empty file' : 'regular file';
    ctx.out(`  File: ${f}${st.target ? ` -> ${st.target}` : ''}\n  Size: ${st.size}\t\tBlocks: ${Math.ceil(st.size / 512)}\t\tIO Block: 4096   ${kind}\n` +
      `Access: (0${(st.mode & 0o7777).toString(8)}/${st.type === 'dir' ? 'd' : '-'}${'rwxrwxrwx'.split('').map((c, i) => (st.mode & (1 << (8 - i)) ? c : '-')).join('')})  Uid: (    0/    root)   Gid: (    0/    root)\n` +
      `Modify: ${new Date(st.mtime).toISOString().replace('T', ' ').replace('Z', '000000 +0000')}\n`);
  }
  return status;
};

const hashsum: Program = function* (ctx) {
  const files = parseArgs(ctx.argv).operands;
  for (const f of files.length ? files : ['-']) {
    const c = yield* readInput(ctx, f);
    if (c === undefined) return 1;
    ctx.out(`${sha256Hex(c)}  ${f}\n`);
  }
  return 0;
};

const base64: Program = function* (ctx) {
  const o = parseArgs(ctx.argv);
  const c = yield* readInput(ctx, o.operands[0]);
  if (c === undefined) return 1;
  if (o.flags.has('d') || o.flags.has('decode')) {
    try { ctx.out(new TextDecoder().decode(Uint8Array.from(atob(c.replace(/\s+/g, '')), (ch) => ch.charCodeAt(0)))); } catch { ctx.err('base64: invalid input\n'); return 1; }
    return 0;
  }
  const bytes = new TextEncoder().encode(c);
  const enc = btoa(String.fromCharCode(...bytes));
  ctx.out(`${enc.replace(/(.{76})/g, '$1\n')}\n`);
  return 0;
};

const readlink: Program = function* (ctx) {
  const o = parseArgs(ctx.argv);
  const f = o.operands[0] ?? '';
  if (o.flags.has('f') || ctx.argv[0].endsWith('realpath')) { ctx.out(`${abs(ctx, f)}\n`); return 0; }
  const st = ctx.sys.fs.lstat(abs(ctx, f));
  if (st?.type !== 'link') return 1;
  ctx.out(`${st.target}\n`);
  return 0;
};

const mktemp: Program = function* (ctx) {
  const dir = ctx.argv.includes('-d');
  const name = `/tmp/tmp.${Array.from({ length: 10 }, () => 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'[ctx.sys.rng.int(62)]).join('')}`;
  const e = dir ? ctx.sys.fs.mkdir(name) : ctx.sys.fs.write(name, '');
  if (e) { ctx.err(`mktemp: failed to create ${dir ? 'directory' : 'file'} via template '/tmp/tmp.XXXXXXXXXX': ${e.text}\n`); return 1; }
  ctx.out(`${name}\n`);
  return 0;
};

const ln: Program = function* (ctx) {
  const o = parseArgs(ctx.argv);
  const [target, link] = o.operands;
  if (!link) return 0;
  const c = ctx.sys.fs.read(abs(ctx, target));
  // Deviation: links are copies (the writable layer keeps no symlinks).
  const e = ctx.sys.fs.write(abs(ctx, link), typeof c === 'string' ? c : '');
  if (e) { ctx.err(`ln: failed to create symbolic link '${link}': ${e.text}\n`); return 1; }
  return 0;
};

const pidof: Program = function* (ctx) {
  const names = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
  const pids = ctx.sys.processes().filter((p) => names.includes((p.argv[0] ?? '').split('/').pop()!)).map((p) => p.pid);
  if (!pids.length) return 1;
  ctx.out(`${pids.join(' ')}\n`);
  return 0;
};

const killall: Program = function* (ctx) {
  const names = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
  const hits = ctx.sys.processes().filter((p) => names.includes((p.argv[0] ?? '').split('/').pop()!));
  for (const p of hits) ctx.sys.kill(p.pid, 'SIGTERM');
  if (!hits.length) { ctx.err(`killall: ${names[0]}: no process killed\n`); return 1; }
  return 0;
};

const netstat: Program = function* (ctx) {
  ctx.out('Active Internet connections (only servers)\nProto Recv-Q Send-Q Local Address           Foreign Address         State       \n');
  const ports = ctx.sys.listeningPorts();
  for (const p of ports) ctx.out(`tcp        0      0 ${`0.0.0.0:${p}`.padEnd(24)}0.0.0.0:*               LISTEN      \n`);
  return 0;
};

const df: Program = function* (ctx) {
  const h = ctx.argv.includes('-h');
  const row = (fs: string, size: string, used: string, avail: string, pct: string, mnt: string) => `${fs.padEnd(20)} ${size.padStart(9)} ${used.padStart(9)} ${avail.padStart(9)} ${pct.padStart(4)} ${mnt}\n`;
  ctx.out(row('Filesystem', h ? 'Size' : '1K-blocks', 'Used', 'Available', 'Use%', 'Mounted on'));
  ctx.out(h ? row('overlay', '58.4G', '12.8G', '42.6G', '23%', '/') + row('tmpfs', '64.0M', '0', '64.0M', '0%', '/dev') + row('/dev/root', '58.4G', '12.8G', '42.6G', '23%', '/etc/hosts')
    : row('overlay', '61202244', '13421772', '44645244', '23%', '/') + row('tmpfs', '65536', '0', '65536', '0%', '/dev'));
  return 0;
};

const du: Program = function* (ctx) {
  const o = parseArgs(ctx.argv);
  const target = o.operands[0] ?? '.';
  let total = 0;
  const walk = (p: string) => {
    const st = ctx.sys.fs.stat(p);
    if (!st) return;
    total += st.type === 'dir' ? 4 : Math.max(4, Math.ceil(st.size / 4096) * 4);
    if (st.type === 'dir') for (const n of ctx.sys.fs.list(p) as string[]) walk(`${p === '/' ? '' : p}/${n}`);
  };
  walk(abs(ctx, target));
  ctx.out(`${o.flags.has('h') ? `${total}K` : total}\t${target}\n`);
  return 0;
};

const more: Program = function* (ctx) {
  const c = yield* readInput(ctx, parseArgs(ctx.argv).operands[0]);
  if (c === undefined) return 1;
  ctx.out(c);
  return 0;
};

const runArgs: Program = function* (ctx) {
  const args = ctx.argv.slice(1).filter((a, i) => !(i === 0 && a.startsWith('-')));
  const t = args.length ? ctx.sys.findExecutable(args[0], ctx.env.get('PATH'), ctx.cwd) : undefined;
  if (!t) { ctx.err(`${ctx.argv[0]}: can't execute '${args[0] ?? ''}': No such file or directory\n`); return 127; }
  const start = ctx.sys.clock.now();
  const code = yield* ctx.sys.runProgram(t, { ...ctx, argv: args });
  if (ctx.argv[0].endsWith('time')) ctx.err(`real\t0m${((ctx.sys.clock.now() - start) / 1000).toFixed(3)}s\nuser\t0m0.001s\nsys\t0m0.000s\n`);
  return code;
};

/** The extra utilities by program id. */
export const EXTRA_UTILS: Record<string, Program> = {
  dig, host, getent, stat, sha256sum: hashsum, base64, readlink, realpath: readlink, mktemp, ln, link: ln, pidof, pgrep: pidof, killall, netstat, df, du,
  more, less: more, pager: more, time: runArgs, nice: runArgs, setsid: runArgs, stdbuf: runArgs,
  getconf: function* (ctx) { ctx.out(ctx.argv[1] === '_NPROCESSORS_ONLN' || ctx.argv[1] === 'NPROCESSORS_ONLN' ? `${ctx.sys.node.cpus}\n` : ctx.argv[1] === 'PAGESIZE' || ctx.argv[1] === 'PAGE_SIZE' ? '4096\n' : 'undefined\n'); return 0; },
  groups: function* (ctx) { ctx.out(ctx.sys.image.os.flavor === 'busybox' ? 'root wheel\n' : 'root\n'); return 0; },
  unlink: function* (ctx) { const e = ctx.sys.fs.remove(abs(ctx, ctx.argv[1] ?? '')); if (e) { ctx.err(`unlink: cannot unlink '${ctx.argv[1]}': ${e.text}\n`); return 1; } return 0; },
  usleep: function* (ctx) { yield { kind: 'sleep', ms: Number(ctx.argv[1] ?? 0) / 1000 }; return 0; },
  top: function* (ctx) {
    ctx.out(`Mem: ${Math.floor(ctx.sys.node.memoryBytes / 1024 * 0.6)}K used, ${Math.floor(ctx.sys.node.memoryBytes / 1024 * 0.4)}K free, 3412K shrd, 120384K buff, 1690583K cached\nCPU:   2% usr   1% sys   0% nic  96% idle   0% io   0% irq   0% sirq\nLoad average: 0.18 0.21 0.19 1/412 ${ctx.pid}\n  PID  PPID USER     STAT   VSZ %VSZ CPU %CPU COMMAND\n`);
    for (const p of ctx.sys.processes()) ctx.out(`${String(p.pid).padStart(5)}     0 root     S     1568   0%   0   0% ${p.argv.join(' ')}\n`);
    return 0;
  },
};
