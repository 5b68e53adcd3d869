// Network clients: busybox wget (1.37 wording), curl (8.x), nslookup (busybox ≤1.28, busybox ≥1.29
// and BIND), nc and ping — through the container's resolver and the pod network.
import type { HttpRequest, HttpResponse } from '../../cri';
import type { Program, ProcCtx } from '../../process/context';
import { sleep } from '../../process/effects';
import { byteLength, parseUrl, reasonPhrase, type Url } from '../../util/http-message';
import { isIPv4, searchCandidates } from '../../process/resolver';
import { flavor, parseArgs } from './common';

type Outcome = { kind: 'badaddress' } | { kind: 'refused'; ip: string } | { kind: 'timeout'; ip: string } | { kind: 'unreachable'; ip: string }
  | { kind: 'response'; ip: string; response: HttpResponse };

/** Resolves and sends one request (no redirects followed). */
export function fetchUrl(ctx: ProcCtx, url: Url, method: string, headers: Record<string, string>, body?: string): Outcome {
  const ips = ctx.sys.resolveHost(url.host);
  if (!ips || ips.length === 0) return { kind: 'badaddress' };
  const ip = ips[0];
  const req: HttpRequest = { method, path: url.path, headers: { Host: url.hostHeader, ...headers }, body, remoteAddr: ip === '127.0.0.1' ? '127.0.0.1' : ctx.sys.podIP };
  const r = ctx.sys.httpRequest(ip, url.port, req);
  return r.kind === 'response' ? { kind: 'response', ip, response: r.response } : { kind: r.kind, ip };
}

const wget: Program = function* (ctx) {
  const o = parseArgs(ctx.argv, ['O', 'T', '-timeout', 'U', '-user-agent', 'o', 'P', 'Y', 'header', '-header']);
  const quiet = o.flags.has('q') || o.flags.has('quiet');
  const raw = o.operands[0];
  if (!raw) { ctx.err('BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n'); return 1; }
  const url = parseUrl(raw);
  if (!url) { ctx.err(`wget: bad address '${raw}'\n`); return 1; }
  const timeoutS = Number(o.values.get('T') ?? o.values.get('timeout') ?? 900);
  const spider = o.flags.has('spider');
  const out = fetchUrl(ctx, url, spider ? 'HEAD' : 'GET', { 'User-Agent': o.values.get('U') ?? o.values.get('user-agent') ?? 'Wget', Connection: 'close' });
  if (out.kind === 'badaddress') { ctx.err(`wget: bad address '${url.host}'\n`); return 1; }
  if (!quiet) ctx.err(`Connecting to ${url.host} (${out.ip}:${url.port})\n`);
  if (out.kind === 'refused') { ctx.err(`wget: can't connect to remote host (${out.ip}): Connection refused\n`); return 1; }
  if (out.kind === 'unreachable') { ctx.err(`wget: can't connect to remote host (${out.ip}): Host is unreachable\n`); return 1; }
  if (out.kind === 'timeout') {
    yield* sleep(timeoutS * 1000);
    ctx.err('wget: download timed out\n');
    return 1;
  }
  const res = out.response;
  if (o.flags.has('S')) {
    ctx.err(`  HTTP/1.1 ${res.status} ${reasonPhrase(res.status)}\n`);
    for (const [k, v] of Object.entries(res.headers)) ctx.err(`  ${k}: ${v}\n`);
  }
  if (res.status >= 400) { ctx.err(`wget: server returned error: HTTP/1.1 ${res.status} ${reasonPhrase(res.status)}\n`); return 1; }
  if (spider) { if (!quiet) ctx.err('remote file exists\n'); return 0; }
  const target = o.values.get('O') ?? (url.path.split('?')[0].split('/').pop() || 'index.html');
  const size = byteLength(res.body);
  const bar = (name: string) => `${name.padEnd(20).slice(0, 20)} 100% |********************************| ${String(size).padStart(5)}  0:00:00 ETA\n`;
  if (target === '-') {
    if (!quiet) ctx.err('writing to stdout\n');
    ctx.out(res.body);
    if (!quiet) ctx.err(`${bar('-')}written to stdout\n`);
    return 0;
  }
  const path = target.startsWith('/') ? target : `${ctx.cwd === '/' ? '' : ctx.cwd}/${target}`;
  if (!quiet) ctx.err(`saving to '${target}'\n`);
  const e = ctx.sys.fs.write(path, res.body);
  if (e) { ctx.err(`wget: can't open '${target}': ${e.text}\n`); return 1; }
  if (!quiet) ctx.err(`${bar(target)}'${target}' saved\n`);
  return 0;
};

const curl: Program = function* (ctx) {
  const o = parseArgs(ctx.argv, ['o', 'X', '-request', 'H', '-header', 'd', '-data', 'm', '-max-time', '-connect-timeout', 'A', '-user-agent', 'w']);
  const raw = o.operands[0];
  if (!raw) { ctx.err("curl: try 'curl --help' or 'curl --manual' for more information\n"); return 2; }
  const silent = o.flags.has('s') || o.flags.has('silent');
  const showErr = !silent || o.flags.has('S') || o.flags.has('show-error');
  const url = parseUrl(raw);
  if (!url) { if (showErr) ctx.err(`curl: (3) URL using bad/illegal format or missing URL\n`); return 3; }
  const head = o.flags.has('I') || o.flags.has('head');
  const data = o.values.get('d') ?? o.values.get('data');
  const method = o.values.get('X') ?? o.values.get('request') ?? (head ? 'HEAD' : data !== undefined ? 'POST' : 'GET');
  const headers: Record<string, string> = { 'User-Agent': o.values.get('A') ?? o.values.get('user-agent') ?? 'curl/8.11.1', Accept: '*/*' };
  for (const h of [o.values.get('H'), o.values.get('header')].filter(Boolean) as string[]) {
    const i = h.indexOf(':');
    if (i > 0) headers[h.slice(0, i).trim()] = h.slice(i + 1).trim();
  }
  const maxTime = Number(o.values.get('m') ?? o.values.get('max-time') ?? 0);
  const connectTimeout = Number(o.values.get('connect-timeout') ?? 0);
  const out = fetchUrl(ctx, url, method, headers, data);
  const meter = !silent && !ctx.tty && !o.flags.has('v');
  if (meter) ctx.err('  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n');
  const fail = (code: number, msg: string) => {
    if (meter) ctx.err('\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0\n');
    if (showErr) ctx.err(`curl: (${code}) ${msg}\n`);
    return code;
  };
  if (out.kind === 'badaddress') return fail(6, `Could not resolve host: ${url.host}`);
  if (out.kind === 'refused') return fail(7, `Failed to connect to ${url.host} port ${url.port} after 0 ms: Couldn't connect to server`);
  if (out.kind === 'unreachable') return fail(7, `Failed to connect to ${url.host} port ${url.port} after 3 ms: Couldn't connect to server`);
  if (out.kind === 'timeout') {
    const limit = maxTime || connectTimeout || 300;
    yield* sleep(limit * 1000);
    return fail(28, maxTime ? `Connection timed out after ${limit * 1000 + 1} milliseconds` : `Failed to connect to ${url.host} port ${url.port} after ${limit * 1000} ms: Timeout was reached`);
  }
  const res = out.response;
  if ((o.flags.has('f') || o.flags.has('fail')) && res.status >= 400) return fail(22, `The requested URL returned error: ${res.status}`);
  const headerText = `HTTP/1.1 ${res.status} ${reasonPhrase(res.status)}\r\n${Object.entries(res.headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
  if (o.flags.has('v')) {
    ctx.err(`* Host ${url.host}:${url.port} was resolved.\n*   Trying ${out.ip}:${url.port}...\n* Connected to ${url.host} (${out.ip}) port ${url.port}\n` +
      `> ${method} ${url.path} HTTP/1.1\n> Host: ${url.hostHeader}\n> User-Agent: ${headers['User-Agent']}\n> Accept: */*\n> \n` +
      headerText.split('\r\n').filter(Boolean).map((l) => `< ${l}\n`).join('') + '< \n');
  }
  let body = head ? headerText : (o.flags.has('i') || o.flags.has('include') ? headerText : '') + res.body;
  if (o.values.has('w')) body += o.values.get('w')!.replace(/%\{http_code\}/g, String(res.status)).replace(/\\n/g, '\n');
  const file = o.values.get('o') ?? (o.flags.has('O') ? url.path.split('/').pop() || 'index.html' : undefined);
  if (file && file !== '-') {
    const e = ctx.sys.fs.write(file.startsWith('/') ? file : `${ctx.cwd === '/' ? '' : ctx.cwd}/${file}`, body);
    if (e) return fail(23, `Failure writing output to destination`);
  } else ctx.out(body);
  if (meter) {
    const n = String(byteLength(res.body)).padStart(5);
    ctx.err(`\r100 ${n}  100 ${n}    0     0   600k      0 --:--:-- --:--:-- --:--:--  600k\n`);
  }
  return 0;
};

function busyboxVersion(ctx: ProcCtx): number[] {
  return ctx.sys.image.os.flavor === 'busybox' ? ctx.sys.image.os.version.split('.').map(Number) : [1, 37, 0];
}

const nslookup: Program = function* (ctx) {
  const name = ctx.argv.filter((a, i) => i > 0 && !a.startsWith('-'))[0];
  const dns = ctx.sys.dnsConfig();
  const ns = dns.nameserver || '10.96.0.10';
  if (!name) { ctx.err('Usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n'); return 1; }
  let timedOut = false;
  const find = (): { fqdn: string; ips: string[] } | undefined => {
    if (isIPv4(name)) return { fqdn: name, ips: [name] };
    for (const fqdn of searchCandidates(name, dns.search, 5)) {
      const a = ctx.sys.dnsQuery(fqdn);
      if (a.rcode === 'NOERROR' && a.addresses.length) return { fqdn, ips: a.addresses };
      if (a.rcode === 'TIMEOUT') { timedOut = true; return undefined; }
    }
    return undefined;
  };
  const hit = find();
  const old = ctx.sys.image.os.flavor === 'busybox' && (busyboxVersion(ctx)[1] ?? 99) <= 28;
  if (timedOut) {
    // No DNS server answered: the client retries, then gives up.
    yield* sleep(old ? 15_000 : 10_000);
    if (old) { ctx.out(`Server:    ${ns}\nAddress 1: ${ns}\n\n`); ctx.err(`nslookup: can't resolve '${name}'\n`); }
    else ctx.out(';; connection timed out; no servers could be reached\n\n');
    return 1;
  }
  if (old) {
    const nsName = ctx.sys.reverseLookup(ns);
    ctx.out(`Server:    ${ns}\nAddress 1: ${ns}${nsName ? ` ${nsName}` : ''}\n\n`);
    if (!hit) { ctx.err(`nslookup: can't resolve '${name}'\n`); return 1; }
    ctx.out(`Name:      ${name}\n`);
    hit.ips.forEach((ip, i) => ctx.out(`Address ${i + 1}: ${ip}${hit.fqdn !== name || ip !== name ? ` ${ctx.sys.reverseLookup(ip) ?? hit.fqdn}` : ''}\n`));
    return 0;
  }
  const bind = flavor(ctx) === 'gnu';
  ctx.out(`Server:\t\t${ns}\nAddress:\t${ns}${bind ? '#' : ':'}53\n\n`);
  if (!hit) {
    const shown = name;
    ctx.out(bind ? `** server can't find ${shown}: NXDOMAIN\n\n` : `** server can't find ${shown}: NXDOMAIN\n\n** server can't find ${shown}: NXDOMAIN\n\n`);
    return 1;
  }
  for (const ip of hit.ips) ctx.out(`Name:\t${hit.fqdn}\nAddress: ${ip}\n`);
  ctx.out('\n');
  return 0;
};

const nc: Program = function* (ctx) {
  const o = parseArgs(ctx.argv, ['w']);
  const [host, port] = o.operands;
  const ips = host ? ctx.sys.resolveHost(host) : undefined;
  if (!ips?.length) { ctx.err(`nc: bad address '${host ?? ''}'\n`); return 1; }
  const r = ctx.sys.connect(ips[0], Number(port));
  if (r === 'timeout') { yield* sleep(Number(o.values.get('w') ?? 10) * 1000); ctx.err(`nc: ${host} (${ips[0]}:${port}): Connection timed out\n`); return 1; }
  if (r !== 'open') { ctx.err(`nc: ${host} (${ips[0]}:${port}): ${r === 'refused' ? 'Connection refused' : 'Host is unreachable'}\n`); return 1; }
  if (o.flags.has('v')) ctx.err(`${host} (${ips[0]}:${port}) open\n`);
  return 0;
};

const ping: Program = function* (ctx) {
  const o = parseArgs(ctx.argv, ['c', 'W', 'w', 'i']);
  const host = o.operands[0];
  const ips = host ? ctx.sys.resolveHost(host) : undefined;
  if (!ips?.length) { ctx.err(`ping: bad address '${host ?? ''}'\n`); return 1; }
  const ip = ips[0];
  const count = o.values.has('c') ? Number(o.values.get('c')) : Infinity;
  ctx.out(`PING ${host} (${ip}): 56 data bytes\n`);
  const answers = ip === '127.0.0.1' || ip === ctx.sys.podIP || ['open', 'refused'].includes(ctx.sys.connect(ip, 7));
  let received = 0;
  const times: number[] = [];
  for (let seq = 0; seq < count; seq++) {
    if (answers) {
      const t = 0.04 + ctx.sys.rng.next() * 0.08;
      times.push(t);
      received++;
      ctx.out(`64 bytes from ${ip}: seq=${seq} ttl=${ip === ctx.sys.podIP || ip === '127.0.0.1' ? 64 : 63} time=${t.toFixed(3)} ms\n`);
    }
    if (seq + 1 < count) yield* sleep(1000);
  }
  ctx.out(`\n--- ${host} ping statistics ---\n${count} packets transmitted, ${received} packets received, ${Math.round((1 - received / count) * 100)}% packet loss\n`);
  if (times.length) ctx.out(`round-trip min/avg/max = ${Math.min(...times).toFixed(3)}/${(times.reduce((a, b) => a + b, 0) / times.length).toFixed(3)}/${Math.max(...times).toFixed(3)} ms\n`);
  return received ? 0 : 1;
};

/** The network clients by program id. */
export const NET_UTILS: Record<string, Program> = { wget, curl, nslookup, nc, ping, ping6: ping };
