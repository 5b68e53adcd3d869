// A reader for the nginx configuration a Kubernetes user typically writes (ConfigMaps mounted over
// /etc/nginx/conf.d or nginx.conf): servers, listen, root, index, locations, return, proxy_pass,
// error_log level. Errors are worded as nginx's [emerg] lines (src/core/ngx_conf_file.c).
import type { ContainerFS } from '../../filesystem/container-fs';

/** A location block. */
export interface NginxLocation {
  match: string;
  exact: boolean;
  root?: string;
  index?: string[];
  ret?: { code: number; text?: string };
  proxyPass?: { line: number; url: string; file: string };
  tryFiles?: string[];
  defaultType?: string;
}

/** A server block. */
export interface NginxServer {
  ports: number[];
  serverName: string;
  root: string;
  index: string[];
  locations: NginxLocation[];
}

/** What nginx runs with. */
export interface NginxConfig {
  errorLogLevel: string;
  workerProcesses: 'auto' | number;
  daemonOff: boolean;
  servers: NginxServer[];
}

/** A configuration error: the text after "nginx: [emerg] ". */
export class NginxConfError extends Error {}

const KNOWN = new Set(['user', 'worker_processes', 'error_log', 'pid', 'events', 'worker_connections', 'http', 'include', 'default_type',
  'log_format', 'access_log', 'sendfile', 'tcp_nopush', 'tcp_nodelay', 'keepalive_timeout', 'gzip', 'server', 'listen', 'server_name',
  'root', 'index', 'location', 'return', 'proxy_pass', 'proxy_set_header', 'proxy_http_version', 'proxy_read_timeout', 'try_files',
  'error_page', 'add_header', 'charset', 'types', 'client_max_body_size', 'daemon', 'rewrite', 'alias', 'autoindex', 'expires',
  'upstream', 'stream', 'resolver', 'proxy_redirect', 'proxy_buffering', 'gzip_types', 'server_tokens', 'stub_status', 'deny', 'allow',
  'multi_accept', 'use', 'worker_rlimit_nofile', 'types_hash_max_size', 'ssl_certificate', 'ssl_certificate_key', 'ssl_protocols']);

interface Stmt { name: string; args: string[]; line: number; file: string; block?: Stmt[] }

function tokenize(text: string, file: string): { t: string; line: number }[] {
  const out: { t: string; line: number }[] = [];
  let line = 1;
  for (let i = 0; i < text.length;) {
    const c = text[i];
    if (c === '\n') { line++; i++; continue; }
    if (/\s/.test(c)) { i++; continue; }
    if (c === '#') { while (i < text.length && text[i] !== '\n') i++; continue; }
    if (c === '{' || c === '}' || c === ';') { out.push({ t: c, line }); i++; continue; }
    if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1);
      if (end === -1) throw new NginxConfError(`unexpected end of file, expecting ";" or "}" in ${file}:${line}`);
      out.push({ t: text.slice(i + 1, end), line });
      line += text.slice(i, end).split('\n').length - 1;
      i = end + 1;
      continue;
    }
    let j = i;
    while (j < text.length && !/[\s{};]/.test(text[j])) j++;
    out.push({ t: text.slice(i, j), line });
    i = j;
  }
  return out;
}

const parsed = new Map<string, Stmt[]>();

/** Parses a file's text (memoized: thousands of containers share the image's nginx.conf). */
function parse(text: string, file: string): Stmt[] {
  const key = `${file}\0${text}`;
  let r = parsed.get(key);
  if (!r) {
    r = parseUncached(text, file);
    if (parsed.size > 256) parsed.clear();
    parsed.set(key, r);
  }
  return r;
}

function parseUncached(text: string, file: string): Stmt[] {
  const toks = tokenize(text, file);
  let i = 0;
  const block = (depth: number): Stmt[] => {
    const stmts: Stmt[] = [];
    while (i < toks.length) {
      const tok = toks[i];
      if (tok.t === '}') {
        if (depth === 0) throw new NginxConfError(`unexpected "}" in ${file}:${tok.line}`);
        i++;
        return stmts;
      }
      if (tok.t === ';' || tok.t === '{') throw new NginxConfError(`unexpected "${tok.t}" in ${file}:${tok.line}`);
      const name = tok.t;
      const args: string[] = [];
      i++;
      while (i < toks.length && toks[i].t !== ';' && toks[i].t !== '{' && toks[i].t !== '}') args.push(toks[i++].t);
      if (!KNOWN.has(name) && !name.startsWith('proxy_') && !name.startsWith('ssl_') && !name.startsWith('gzip_') && !name.startsWith('fastcgi_')) {
        throw new NginxConfError(`unknown directive "${name}" in ${file}:${tok.line}`);
      }
      if (i >= toks.length) throw new NginxConfError(`unexpected end of file, expecting ";" or "}" in ${file}:${toks[toks.length - 1]?.line ?? 1}`);
      if (toks[i].t === ';') { i++; stmts.push({ name, args, line: tok.line, file }); continue; }
      if (toks[i].t === '}') throw new NginxConfError(`unexpected "}" in ${file}:${toks[i].line}`);
      i++;
      stmts.push({ name, args, line: tok.line, file, block: block(depth + 1) });
    }
    if (depth > 0) throw new NginxConfError(`unexpected end of file, expecting "}" in ${file}:${toks[toks.length - 1]?.line ?? 1}`);
    return stmts;
  };
  return block(0);
}

function globFiles(fs: ContainerFS, pattern: string): string[] {
  const dir = pattern.slice(0, pattern.lastIndexOf('/')) || '/';
  const base = pattern.slice(pattern.lastIndexOf('/') + 1);
  if (!base.includes('*')) return fs.stat(pattern) ? [pattern] : [];
  const re = new RegExp(`^${base.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  const names = fs.list(dir);
  return Array.isArray(names) ? names.filter((n) => re.test(n)).map((n) => `${dir}/${n}`) : [];
}

/** What a configuration was built from: each file read (path, text) and each include glob (pattern, files). */
type Inputs = (['read', string, string] | ['glob', string, string[]])[];

// Every nginx container of a Deployment reads the same files: the configuration built from them is
// shared (frozen) by the containers whose files still read the same. A few recent ones are kept.
const recent: { key: string; inputs: Inputs; cfg: NginxConfig }[] = [];
const RECENT_MAX = 8;

function sameInputs(fs: ContainerFS, inputs: Inputs): boolean {
  return inputs.every((i) => (i[0] === 'read' ? fs.read(i[1]) === i[2]
    : ((g) => g.length === i[2].length && g.every((f, k) => f === i[2][k]))(globFiles(fs, i[1]))));
}

function freezeDeep<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) freezeDeep(v);
  }
  return o;
}

/** Reads /etc/nginx/nginx.conf (and what it includes) from the container's filesystem. The result is shared: frozen. */
export function loadNginxConfig(fs: ContainerFS, globalDirectives: string[] = [], mainFile = '/etc/nginx/nginx.conf'): NginxConfig {
  const key = JSON.stringify([mainFile, globalDirectives]);
  for (const r of recent) if (r.key === key && sameInputs(fs, r.inputs)) return r.cfg;
  const inputs: Inputs = [];
  const cfg = freezeDeep(buildNginxConfig(fs, globalDirectives, mainFile, inputs));
  recent.unshift({ key, inputs, cfg });
  if (recent.length > RECENT_MAX) recent.pop();
  return cfg;
}

function buildNginxConfig(fs: ContainerFS, globalDirectives: string[], mainFile: string, inputs: Inputs): NginxConfig {
  const cfg: NginxConfig = { errorLogLevel: 'error', workerProcesses: 1, daemonOff: false, servers: [] };
  const read = (file: string): Stmt[] => {
    const text = fs.read(file);
    if (typeof text !== 'string') throw new NginxConfError(`open() "${file}" failed (2: No such file or directory)`);
    inputs.push(['read', file, text]);
    return parse(text, file);
  };
  const glob = (pattern: string): string[] => {
    const files = globFiles(fs, pattern);
    inputs.push(['glob', pattern, files]);
    return files;
  };
  const expand = (stmts: Stmt[]): Stmt[] => stmts.flatMap((s) => (s.name === 'include' && !s.args[0]?.endsWith('mime.types')
    ? glob(s.args[0]).flatMap((f) => expand(read(f))) : [s]));
  const server = (stmts: Stmt[]): NginxServer => {
    const srv: NginxServer = { ports: [], serverName: '', root: '/etc/nginx/html', index: ['index.html'], locations: [] };
    for (const s of expand(stmts)) {
      if (s.name === 'listen') {
        const m = /(\d+)$/.exec(s.args[0]?.replace(/^\[::\]:/, '') ?? '');
        if (m && !s.args[0].startsWith('[')) srv.ports.push(Number(m[1]));
      } else if (s.name === 'server_name') srv.serverName = s.args[0] ?? '';
      else if (s.name === 'root') srv.root = s.args[0];
      else if (s.name === 'index') srv.index = s.args;
      else if (s.name === 'return') srv.locations.push({ match: '/', exact: false, ret: { code: Number(s.args[0]), text: s.args[1] } });
      else if (s.name === 'location' && s.block) {
        const exact = s.args[0] === '=';
        const loc: NginxLocation = { match: exact ? s.args[1] : s.args[s.args.length - 1], exact };
        for (const d of expand(s.block)) {
          if (d.name === 'root' || d.name === 'alias') loc.root = d.args[0];
          else if (d.name === 'index') loc.index = d.args;
          else if (d.name === 'return') loc.ret = { code: Number(d.args[0]), text: d.args.slice(1).join(' ') || undefined };
          else if (d.name === 'proxy_pass') loc.proxyPass = { url: d.args[0], line: d.line, file: d.file };
          else if (d.name === 'try_files') loc.tryFiles = d.args;
          else if (d.name === 'default_type') loc.defaultType = d.args[0];
        }
        srv.locations.push(loc);
      }
    }
    if (srv.ports.length === 0) srv.ports.push(80);
    return srv;
  };
  const top = expand(read(mainFile));
  for (const d of globalDirectives) top.push(...parse(d, 'command line'));
  for (const s of top) {
    if (s.name === 'error_log') cfg.errorLogLevel = s.args[1] ?? 'error';
    else if (s.name === 'worker_processes') cfg.workerProcesses = s.args[0] === 'auto' ? 'auto' : Number(s.args[0]) || 1;
    else if (s.name === 'daemon') cfg.daemonOff = s.args[0] === 'off';
    else if (s.name === 'http' && s.block) for (const h of expand(s.block)) if (h.name === 'server' && h.block) cfg.servers.push(server(h.block));
  }
  return cfg;
}

/** The location serving a URI: `=` exact match first, then the longest prefix. */
export function matchLocation(srv: NginxServer, uri: string): NginxLocation | undefined {
  const exact = srv.locations.find((l) => l.exact && l.match === uri);
  if (exact) return exact;
  let best: NginxLocation | undefined;
  for (const l of srv.locations) if (!l.exact && uri.startsWith(l.match) && (!best || l.match.length > best.match.length)) best = l;
  return best;
}
