// /docker-entrypoint.sh of the nginx image (github.com/nginx/docker-nginx entrypoint/): runs the
// /docker-entrypoint.d scripts when the command is nginx, logging each step, then execs the command.
// The image's own scripts are modelled (IPv6 listen, envsubst templates); other scripts run in sh.
import type { Program, ProcCtx } from '../../process/context';
import { sleep } from '../../process/effects';
import { NGINX_DEFAULT_CONF } from '../../images/library-nginx';
import { execArgs } from '../exec-args';

const CONF = 'etc/nginx/conf.d/default.conf';

/** sort -V order of the entrypoint scripts (10-…, 15-…, 20-…, 30-…). */
function versionSort(names: string[]): string[] {
  const key = (n: string) => { const m = /^(\d+)/.exec(n); return m ? Number(m[1]) : Infinity; };
  return [...names].sort((a, b) => key(a) - key(b) || (a < b ? -1 : a > b ? 1 : 0));
}

const ipv6Done = new Map<string, string>();

/** The sed of the script; the result is shared by every container with the same file (memory at scale). */
function withIpv6(text: string): string {
  let out = ipv6Done.get(text);
  if (out === undefined) {
    out = text.replace('listen       80;', 'listen       80;\n    listen  [::]:80;');
    if (ipv6Done.size < 64) ipv6Done.set(text, out);
  }
  return out;
}

function listenOnIpv6(ctx: ProcCtx, log: (s: string) => void): void {
  const me = '10-listen-on-ipv6-by-default.sh';
  const fs = ctx.sys.fs;
  const st = fs.stat(`/${CONF}`);
  if (st?.type !== 'file') return log(`${me}: info: /${CONF} is not a file or does not exist`);
  if (st.readOnly) return log(`${me}: info: can not modify /${CONF} (read-only file system?)`);
  const text = fs.read(`/${CONF}`) as string;
  if (text.includes('listen  [::]:80;')) return log(`${me}: info: IPv6 listen already enabled`);
  const os = ctx.sys.image.os.flavor;
  if (os !== 'debian' && os !== 'alpine') return log(`${me}: info: Unsupported distribution`);
  log(`${me}: info: Getting the checksum of /${CONF}`);
  if (text !== NGINX_DEFAULT_CONF) return log(`${me}: info: /${CONF} differs from the packaged version`);
  fs.write(`/${CONF}`, withIpv6(text));
  log(`${me}: info: Enabled listen on IPv6 in /${CONF}`);
}

function envsubst(text: string, ctx: ProcCtx): string {
  return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (m, a, b) => {
    const v = ctx.env.get(a ?? b);
    return v === undefined ? m : v;
  });
}

function envsubstTemplates(ctx: ProcCtx, log: (s: string) => void): void {
  const me = '20-envsubst-on-templates.sh';
  const fs = ctx.sys.fs;
  const dir = ctx.env.get('NGINX_ENVSUBST_TEMPLATE_DIR') ?? '/etc/nginx/templates';
  const suffix = ctx.env.get('NGINX_ENVSUBST_TEMPLATE_SUFFIX') ?? '.template';
  const outDir = ctx.env.get('NGINX_ENVSUBST_OUTPUT_DIR') ?? '/etc/nginx/conf.d';
  const names = fs.list(dir);
  if (!Array.isArray(names)) return;
  if (fs.stat(outDir)?.readOnly) return log(`${me}: ERROR: ${dir} exists, but ${outDir} is not writable`);
  for (const n of names.filter((x) => x.endsWith(suffix))) {
    const out = `${outDir}/${n.slice(0, -suffix.length)}`;
    log(`${me}: Running envsubst on ${dir}/${n} to ${out}`);
    fs.write(out, envsubst(fs.read(`${dir}/${n}`) as string, ctx));
  }
}

/** /docker-entrypoint.sh. */
export const nginxEntrypoint: Program = function* (ctx) {
  const args = ctx.argv.slice(1);
  const me = ctx.argv[0];
  const quiet = !!ctx.env.get('NGINX_ENTRYPOINT_QUIET_LOGS');
  const log = (s: string) => { if (!quiet) ctx.out(`${s}\n`); };
  if (args[0] === 'nginx' || args[0] === 'nginx-debug') {
    const fs = ctx.sys.fs;
    const names = fs.list('/docker-entrypoint.d');
    const files = Array.isArray(names) ? names.filter((n) => fs.stat(`/docker-entrypoint.d/${n}`)?.type === 'file') : [];
    if (files.length) {
      log(`${me}: /docker-entrypoint.d/ is not empty, will attempt to perform configuration`);
      log(`${me}: Looking for shell scripts in /docker-entrypoint.d/`);
      for (const n of versionSort(files)) {
        const path = `/docker-entrypoint.d/${n}`;
        const st = fs.stat(path);
        const builtin = /^(10-listen-on-ipv6-by-default\.sh|15-local-resolvers\.envsh|20-envsubst-on-templates\.sh|30-tune-worker-processes\.sh)$/.test(n);
        const executable = builtin || !!st?.exec || !!(st && st.mode & 0o111);
        if (n.endsWith('.envsh') || n.endsWith('.sh')) {
          if (!executable) { log(`${me}: Ignoring ${path}, not executable`); continue; }
          log(`${me}: ${n.endsWith('.envsh') ? 'Sourcing' : 'Launching'} ${path}`);
          if (n === '10-listen-on-ipv6-by-default.sh') listenOnIpv6(ctx, log);
          else if (n === '20-envsubst-on-templates.sh') envsubstTemplates(ctx, log);
          else if (!builtin) {
            const sh = ctx.sys.findExecutable('/bin/sh', undefined, '/');
            if (sh) yield* ctx.sys.runProgram(sh, { ...ctx, argv: ['/bin/sh', path] });
          }
        } else log(`${me}: Ignoring ${path}`);
      }
      // The scripts take a few milliseconds in all (one timer, not one per script: thousands of pods start at once).
      yield* sleep(4 + ctx.sys.rng.int(12));
      log(`${me}: Configuration complete; ready for start up`);
    } else log(`${me}: No files found in /docker-entrypoint.d/, skipping configuration`);
  }
  return yield* execArgs(ctx, args);
};
