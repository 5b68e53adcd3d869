// docker.io/library/nginx: every version line from 1.14 to 1.27 with its Debian and Alpine variants,
// as tagged on Docker Hub in January 2025 (mainline 1.27.3, stable 1.26.2). Facts from
// github.com/nginx/docker-nginx (Dockerfiles, entrypoint/) and nginx/nginx (docs/html).
import type { CatalogImage, OsRelease } from './catalog-types';
import { OS, env, image, type ImageSpec } from './build';

const REPO = 'docker.io/library/nginx';

/** Patch releases per minor line (newest last). */
const LINES: Record<string, number> = {
  '1.14': 2, '1.15': 12, '1.16': 1, '1.17': 10, '1.18': 0, '1.19': 10, '1.20': 2, '1.21': 6, '1.22': 1, '1.23': 4,
  '1.24': 0, '1.25': 5, '1.26': 2, '1.27': 3,
};
const MAINLINE = '1.27.3';
const STABLE = '1.26.2';

/** njs shipped with each minor line's packages (the NJS_VERSION env of the image). */
const NJS: Record<string, string> = { '1.27': '0.8.7', '1.26': '0.8.5', '1.25': '0.8.4', '1.24': '0.7.12', '1.23': '0.7.11' };

function cmp(a: string, b: string): number {
  const x = a.split('.').map(Number), y = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
}

function debianOf(v: string): OsRelease {
  if (cmp(v, '1.25.2') >= 0) return OS.bookworm;
  if (cmp(v, '1.21.5') >= 0) return OS.bullseye;
  if (cmp(v, '1.17.0') >= 0) return OS.buster;
  return OS.stretch;
}

function alpineOf(v: string): OsRelease {
  if (cmp(v, '1.27.3') >= 0) return OS.alpine('3.20.5');
  if (cmp(v, '1.25.0') >= 0) return OS.alpine('3.19.4');
  if (cmp(v, '1.23.0') >= 0) return OS.alpine('3.17.5');
  if (cmp(v, '1.21.0') >= 0) return OS.alpine('3.14.8');
  return OS.alpine('3.11.6');
}

/** The default page: the dark-mode version from 1.21.2 on, the 2013 one before (nginx docs/html/index.html). */
export function nginxIndexHtml(version: string): string {
  const style = cmp(version, '1.21.2') >= 0
    ? 'html { color-scheme: light dark; }\nbody { width: 35em; margin: 0 auto;\nfont-family: Tahoma, Verdana, Arial, sans-serif; }\n'
    : '    body {\n        width: 35em;\n        margin: 0 auto;\n        font-family: Tahoma, Verdana, Arial, sans-serif;\n    }\n';
  return '<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n<style>\n' + style + '</style>\n</head>\n<body>\n' +
    '<h1>Welcome to nginx!</h1>\n<p>If you see this page, the nginx web server is successfully installed and\n' +
    'working. Further configuration is required.</p>\n\n<p>For online documentation and support please refer to\n' +
    '<a href="http://nginx.org/">nginx.org</a>.<br/>\nCommercial support is available at\n' +
    '<a href="http://nginx.com/">nginx.com</a>.</p>\n\n<p><em>Thank you for using nginx.</em></p>\n</body>\n</html>\n';
}

const FIFTY_X = '<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n<style>\nhtml { color-scheme: light dark; }\n' +
  'body { width: 35em; margin: 0 auto;\nfont-family: Tahoma, Verdana, Arial, sans-serif; }\n</style>\n</head>\n<body>\n' +
  '<h1>An error occurred.</h1>\n<p>Sorry, the page you are looking for is currently unavailable.<br/>\nPlease try again later.</p>\n' +
  '<p>If you are the system administrator of this resource then you should check\nthe error log for details.</p>\n' +
  '<p><em>Faithfully yours, nginx.</em></p>\n</body>\n</html>\n';

/** /etc/nginx/nginx.conf of the nginx.org packages (error_log at notice from 1.21, warn before). */
export function nginxConf(version: string): string {
  const level = cmp(version, '1.21.0') >= 0 ? 'notice' : 'warn';
  const workers = cmp(version, '1.19.5') >= 0 ? 'auto' : '1';
  return `\nuser  nginx;\nworker_processes  ${workers};\n\nerror_log  /var/log/nginx/error.log ${level};\npid        /var/run/nginx.pid;\n\n\n` +
    'events {\n    worker_connections  1024;\n}\n\n\nhttp {\n    include       /etc/nginx/mime.types;\n' +
    '    default_type  application/octet-stream;\n\n' +
    "    log_format  main  '$remote_addr - $remote_user [$time_local] \"$request\" '\n" +
    "                      '$status $body_bytes_sent \"$http_referer\" '\n" +
    "                      '\"$http_user_agent\" \"$http_x_forwarded_for\"';\n\n" +
    '    access_log  /var/log/nginx/access.log  main;\n\n    sendfile        on;\n    #tcp_nopush     on;\n\n' +
    '    keepalive_timeout  65;\n\n    #gzip  on;\n\n    include /etc/nginx/conf.d/*.conf;\n}\n';
}

/** /etc/nginx/conf.d/default.conf as packaged (the entrypoint adds the IPv6 listen line at start). */
export const NGINX_DEFAULT_CONF = 'server {\n    listen       80;\n    server_name  localhost;\n\n' +
  '    #access_log  /var/log/nginx/host.access.log  main;\n\n    location / {\n        root   /usr/share/nginx/html;\n' +
  '        index  index.html index.htm;\n    }\n\n    #error_page  404              /404.html;\n\n' +
  '    # redirect server error pages to the static page /50x.html\n    #\n    error_page   500 502 503 504  /50x.html;\n' +
  '    location = /50x.html {\n        root   /usr/share/nginx/html;\n    }\n\n' +
  '    # proxy the PHP scripts to Apache listening on 127.0.0.1:80\n    #\n    #location ~ \\.php$ {\n' +
  '    #    proxy_pass   http://127.0.0.1;\n    #}\n\n' +
  '    # pass the PHP scripts to FastCGI server listening on 127.0.0.1:9000\n    #\n    #location ~ \\.php$ {\n' +
  '    #    root           html;\n    #    fastcgi_pass   127.0.0.1:9000;\n    #    fastcgi_index  index.php;\n' +
  '    #    fastcgi_param  SCRIPT_FILENAME  /scripts$fastcgi_script_name;\n    #    include        fastcgi_params;\n    #}\n\n' +
  "    # deny access to .htaccess files, if Apache's document root\n    # concurs with nginx's one\n    #\n" +
  '    #location ~ /\\.ht {\n    #    deny  all;\n    #}\n}\n\n';

const MIME_TYPES = '\ntypes {\n    text/html                                        html htm shtml;\n' +
  '    text/css                                         css;\n    text/xml                                         xml;\n' +
  '    image/gif                                        gif;\n    image/jpeg                                       jpeg jpg;\n' +
  '    application/javascript                           js;\n    application/json                                 json;\n' +
  '    text/plain                                       txt;\n    image/png                                        png;\n' +
  '    image/svg+xml                                    svg svgz;\n}\n';

/** The entrypoint scripts shipped in /docker-entrypoint.d by version (1.19.0 entrypoint, 1.19.5 autotune, 1.25.0 resolvers). */
export function nginxEntrypointScripts(version: string): string[] {
  if (cmp(version, '1.19.0') < 0) return [];
  const s = ['10-listen-on-ipv6-by-default.sh'];
  if (cmp(version, '1.25.0') >= 0) s.push('15-local-resolvers.envsh');
  s.push('20-envsubst-on-templates.sh');
  if (cmp(version, '1.19.5') >= 0) s.push('30-tune-worker-processes.sh');
  return s;
}

type Variant = '' | 'alpine' | 'alpine-slim' | 'perl' | 'alpine-perl';

function spec(version: string, variant: Variant, tags: string[]): ImageSpec {
  const alpine = variant.startsWith('alpine');
  const os = alpine ? alpineOf(version) : debianOf(version);
  const minor = version.split('.').slice(0, 2).join('.');
  const entry = cmp(version, '1.19.0') >= 0;
  const base = alpine ? (variant === 'alpine-slim' ? 12.9 : 47.9) : cmp(version, '1.25.2') >= 0 ? 192 : cmp(version, '1.21.5') >= 0 ? 142 : cmp(version, '1.17.0') >= 0 ? 133 : 109;
  const sizeMb = base + (variant.endsWith('perl') ? 44 : 0) - (cmp(version, '1.27.0') < 0 && !alpine ? 4 * (27 - Number(minor.split('.')[1])) / 10 : 0);
  const files: Record<string, string> = {
    '/etc/nginx/nginx.conf': nginxConf(version),
    '/etc/nginx/conf.d/default.conf': NGINX_DEFAULT_CONF,
    '/etc/nginx/mime.types': MIME_TYPES,
    '/usr/share/nginx/html/index.html': nginxIndexHtml(version),
    '/usr/share/nginx/html/50x.html': FIFTY_X,
    '/var/log/nginx/.keep': '',
    '/var/cache/nginx/.keep': '',
  };
  for (const s of nginxEntrypointScripts(version)) files[`/docker-entrypoint.d/${s}`] = `#!/bin/sh\n# vim:sw=4:ts=4:et\n\nset -e\n`;
  const bins: Record<string, string> = { '/usr/sbin/nginx': 'nginx', '/usr/sbin/nginx-debug': 'nginx' };
  if (entry) bins['/docker-entrypoint.sh'] = 'nginx-entrypoint';
  if (variant !== 'alpine-slim') { bins['/usr/bin/curl'] = 'curl'; bins['/usr/bin/envsubst'] = 'envsubst'; }
  if (variant.endsWith('perl')) bins['/usr/bin/perl'] = 'perl';
  const e: Record<string, string> = { NGINX_VERSION: version };
  if (NJS[minor] && variant !== 'alpine-slim') e.NJS_VERSION = NJS[minor];
  if (alpine) e.PKG_RELEASE = '1';
  else {
    if (NJS[minor]) e.NJS_RELEASE = `1~${os.codename}`;
    e.PKG_RELEASE = `1~${os.codename}`;
    if (cmp(version, '1.25.0') >= 0) e.DYNPKG_RELEASE = `1~${os.codename}`;
  }
  return {
    repo: REPO, version, tags, os, sizeMb, ratio: alpine ? 0.45 : 0.375,
    config: {
      entrypoint: entry ? ['/docker-entrypoint.sh'] : undefined,
      cmd: ['nginx', '-g', 'daemon off;'],
      env: env(e),
      stopSignal: cmp(version, '1.19.5') >= 0 ? 'SIGQUIT' : 'SIGTERM',
      exposedPorts: [80],
    },
    bins, files,
    meta: {
      gcc: alpine ? (cmp(version, '1.27.3') >= 0 ? 'gcc 13.2.1 20240309 (Alpine 13.2.1_git20240309) ' : 'gcc 12.2.1 20220924 (Alpine 12.2.1_git20220924-r10) ')
        : os.codename === 'bookworm' ? 'gcc 12.2.0 (Debian 12.2.0-14) ' : os.codename === 'bullseye' ? 'gcc 10.2.1 20210110 (Debian 10.2.1-6) ' : 'gcc 8.3.0 (Debian 8.3.0-6) ',
    },
  };
}

/** All nginx images. */
export function nginxImages(): CatalogImage[] {
  const out: CatalogImage[] = [];
  const newestMinor = Object.keys(LINES).sort((a, b) => cmp(`${a}.0`, `${b}.0`));
  for (const minor of newestMinor) {
    for (let p = 0; p <= LINES[minor]; p++) {
      const v = `${minor}.${p}`;
      const newest = p === LINES[minor];
      const variants: Variant[] = ['', 'alpine', 'perl', 'alpine-perl'];
      if (cmp(v, '1.23.3') >= 0) variants.push('alpine-slim');
      for (const variant of variants) {
        const sfx = variant ? `-${variant}` : '';
        const tags = [`${v}${sfx}`];
        if (newest) tags.push(`${minor}${sfx}`);
        if (v === MAINLINE) tags.push(`mainline${sfx}`, `1${sfx}`, variant ? variant : 'latest');
        if (v === STABLE) tags.push(`stable${sfx}`);
        if (!variant && (v === MAINLINE || v === STABLE)) tags.push(`${v}-bookworm`, v === MAINLINE ? 'bookworm' : 'stable-bookworm');
        out.push(image(spec(v, variant, tags)));
      }
    }
  }
  // The Kubernetes docs' oldest example: a schema-1 manifest Docker 27 refuses to pull.
  out.push(image({
    ...spec('1.7.9', '', ['1.7.9']), sizeMb: 91.7,
    pullError: '[DEPRECATION NOTICE] Docker Image Format v1 and Docker Image manifest version 2, schema 1 support is disabled by default and will be removed in an upcoming release. Suggest the author of docker.io/library/nginx:1.7.9 to upgrade the image to the OCI Format or Docker Image manifest v2, schema 2. More information at https://docs.docker.com/go/deprecated-image-specs/',
  }));
  return out;
}
