// Docker Hub official images (docker.io/library/*) other than nginx, as tagged in January 2025.
// Config (ENTRYPOINT, CMD, ENV, WORKDIR, STOPSIGNAL, EXPOSE) from github.com/docker-library/<name>.
import type { CatalogImage, OsRelease } from './catalog-types';
import { OS, env, image } from './build';

const lib = (n: string) => `docker.io/library/${n}`;

/** A version line: [version, extra tags, os, sizeMb]. */
type Line = [string, string[], OsRelease, number];

function many(repo: string, lines: Line[], build: (version: string, os: OsRelease) => Omit<Parameters<typeof image>[0], 'repo' | 'version' | 'tags' | 'os' | 'sizeMb'>): CatalogImage[] {
  return lines.map(([v, tags, os, size]) => image({ repo, version: v.replace(/-(alpine|slim).*$/, ''), tags: [v, ...tags], os, sizeMb: size, ...build(v, os) }));
}

function busybox(): CatalogImage[] {
  const lines: Line[] = [
    ['1.37.0', ['1.37', '1', 'latest', 'stable', 'glibc', '1.37.0-glibc', 'musl', 'uclibc'], OS.busybox('1.37.0'), 4.27],
    ['1.36.1', ['1.36', '1.36.1-glibc', '1.36-glibc', '1.36.1-musl', '1.36-musl', '1.36.1-uclibc'], OS.busybox('1.36.1'), 4.26],
    ['1.36.0', [], OS.busybox('1.36.0'), 4.86], ['1.35.0', ['1.35'], OS.busybox('1.35.0'), 4.86],
    ['1.34.1', ['1.34'], OS.busybox('1.34.1'), 1.24], ['1.33.1', ['1.33'], OS.busybox('1.33.1'), 1.24],
    ['1.32.1', ['1.32'], OS.busybox('1.32.1'), 1.23], ['1.31.1', ['1.31'], OS.busybox('1.31.1'), 1.22],
    ['1.30.1', ['1.30'], OS.busybox('1.30.1'), 1.22], ['1.29.3', ['1.29'], OS.busybox('1.29.3'), 1.15],
    ['1.28.4', ['1.28'], OS.busybox('1.28.4'), 1.15], ['1.27.2', ['1.27'], OS.busybox('1.27.2'), 1.13],
    ['1.26.2', ['1.26'], OS.busybox('1.26.2'), 1.11], ['1.25.1', ['1.25'], OS.busybox('1.25.1'), 1.09],
    ['1.24.2', ['1.24'], OS.busybox('1.24.2'), 1.11],
  ];
  return many(lib('busybox'), lines, () => ({ ratio: 0.5, config: { cmd: ['sh'], env: env() } }));
}

function alpine(): CatalogImage[] {
  const lines: Line[] = [
    ['3.21.2', ['3.21', '3', 'latest'], OS.alpine('3.21.2'), 7.83], ['3.21.0', [], OS.alpine('3.21.0'), 7.83],
    ['3.20.5', ['3.20'], OS.alpine('3.20.5'), 7.8], ['3.20.3', [], OS.alpine('3.20.3'), 7.8],
    ['3.19.6', ['3.19'], OS.alpine('3.19.6'), 7.38], ['3.19.1', [], OS.alpine('3.19.1'), 7.38],
    ['3.18.11', ['3.18'], OS.alpine('3.18.11'), 7.35], ['3.18.4', [], OS.alpine('3.18.4'), 7.33],
    ['3.17.10', ['3.17'], OS.alpine('3.17.10'), 7.05], ['3.16.9', ['3.16'], OS.alpine('3.16.9'), 5.54],
    ['3.15.11', ['3.15'], OS.alpine('3.15.11'), 5.59], ['3.14.10', ['3.14'], OS.alpine('3.14.10'), 5.61],
    ['3.13.12', ['3.13'], OS.alpine('3.13.12'), 5.61], ['3.12.12', ['3.12'], OS.alpine('3.12.12'), 5.58],
    ['edge', [], OS.alpine('3.22.0_alpha20250108'), 7.86],
  ];
  return many(lib('alpine'), lines, () => ({ ratio: 0.45, config: { cmd: ['/bin/sh'], env: env() } }));
}

function ubuntu(): CatalogImage[] {
  return [
    image({ repo: lib('ubuntu'), version: '24.04', tags: ['24.04', 'noble', 'latest', 'noble-20241118.1', 'rolling'], os: OS.noble, sizeMb: 78.1, config: { cmd: ['/bin/bash'], env: env() } }),
    image({ repo: lib('ubuntu'), version: '22.04', tags: ['22.04', 'jammy', 'jammy-20240911.1'], os: OS.jammy, sizeMb: 77.9, config: { cmd: ['/bin/bash'], env: env() } }),
    image({ repo: lib('ubuntu'), version: '20.04', tags: ['20.04', 'focal', 'focal-20241011'], os: OS.focal, sizeMb: 72.8, config: { cmd: ['/bin/bash'], env: env() } }),
  ];
}

function debian(): CatalogImage[] {
  const d = (tags: string[], os: OsRelease, size: number) =>
    image({ repo: lib('debian'), version: os.version, tags, os, sizeMb: size, config: { cmd: ['bash'], env: env() } });
  return [
    d(['12', '12.8', 'bookworm', 'latest', 'bookworm-20250113', 'stable'], OS.bookworm, 117),
    d(['12-slim', '12.8-slim', 'bookworm-slim', 'stable-slim'], OS.bookworm, 74.8),
    d(['11', '11.11', 'bullseye', 'oldstable', 'bullseye-20250113'], OS.bullseye, 124),
    d(['11-slim', 'bullseye-slim'], OS.bullseye, 80.6),
    d(['10', 'buster'], OS.buster, 114),
  ];
}

function httpd(): CatalogImage[] {
  const files = { '/usr/local/apache2/htdocs/index.html': '<html><body><h1>It works!</h1></body></html>\n',
    '/usr/local/apache2/conf/httpd.conf': 'ServerRoot "/usr/local/apache2"\nListen 80\nDocumentRoot "/usr/local/apache2/htdocs"\n' };
  const cfg = (os: OsRelease) => ({
    config: { cmd: ['httpd-foreground'], env: env({ HTTPD_PREFIX: '/usr/local/apache2', HTTPD_VERSION: '2.4.62',
      HTTPD_SHA256: '674188e7bf44ced82da8db522da946849e22080d73d16c93f7f4df89e25729ec', HTTPD_PATCHES: '' },
    `/usr/local/apache2/bin:${env()[0][1]}`), workingDir: '/usr/local/apache2', stopSignal: 'SIGWINCH' as const, exposedPorts: [80] },
    bins: { '/usr/local/bin/httpd-foreground': 'httpd-foreground', '/usr/local/apache2/bin/httpd': 'httpd',
      '/usr/local/apache2/bin/apachectl': 'httpd' },
    files, ratio: os.flavor === 'alpine' ? 0.42 : 0.38,
  });
  return many(lib('httpd'), [
    ['2.4.62', ['2.4', '2', 'latest', '2.4.62-bookworm', 'bookworm'], OS.bookworm, 148],
    ['2.4.62-alpine', ['2.4-alpine', '2-alpine', 'alpine', 'alpine3.21'], OS.alpine('3.21.2'), 61.4],
    ['2.4.58', [], OS.bookworm, 167],
  ], (_v, os) => cfg(os));
}

function redis(): CatalogImage[] {
  const build = (v: string) => ({
    config: { entrypoint: ['docker-entrypoint.sh'], cmd: ['redis-server'], env: env({ REDIS_DOWNLOAD_URL: `http://download.redis.io/releases/redis-${v.replace('-alpine', '')}.tar.gz` }),
      workingDir: '/data', exposedPorts: [6379] },
    bins: { '/usr/local/bin/docker-entrypoint.sh': 'redis-entrypoint', '/usr/local/bin/redis-server': 'redis-server',
      '/usr/local/bin/redis-cli': 'redis-cli', '/usr/local/bin/redis-sentinel': 'redis-server', '/usr/local/bin/gosu': 'gosu' },
    dirs: ['/data'],
  });
  return many(lib('redis'), [
    ['7.4.2', ['7.4', '7', 'latest', 'bookworm', '7.4.2-bookworm'], OS.bookworm, 117],
    ['7.4.2-alpine', ['7.4-alpine', '7-alpine', 'alpine', 'alpine3.21'], OS.alpine('3.21.2'), 45.2],
    ['7.2.7', ['7.2'], OS.bookworm, 117], ['7.2.7-alpine', ['7.2-alpine'], OS.alpine('3.21.2'), 41.1],
    ['7.0.15', ['7.0'], OS.bookworm, 130], ['6.2.17', ['6.2', '6'], OS.bookworm, 105],
    ['6.2.17-alpine', ['6.2-alpine', '6-alpine'], OS.alpine('3.21.2'), 30.5], ['5.0.14', ['5.0', '5'], OS.bullseye, 110],
  ], build);
}

function mongo(): CatalogImage[] {
  const build = (v: string) => ({
    config: { entrypoint: ['docker-entrypoint.sh'], cmd: ['mongod'], env: env({ GOSU_VERSION: '1.17', JSYAML_VERSION: '3.13.1',
      MONGO_PACKAGE: 'mongodb-org', MONGO_REPO: 'repo.mongodb.org', MONGO_MAJOR: v.split('.').slice(0, 2).join('.'), MONGO_VERSION: v,
      HOME: '/data/db' }), exposedPorts: [27017] },
    bins: { '/usr/local/bin/docker-entrypoint.sh': 'mongo-entrypoint', '/usr/bin/mongod': 'mongod', '/usr/bin/mongos': 'mongod',
      '/usr/bin/mongosh': 'mongosh', '/usr/local/bin/gosu': 'gosu' },
    dirs: ['/data/db', '/data/configdb'],
    ratio: 0.33,
  });
  return many(lib('mongo'), [
    ['8.0.4', ['8.0', '8', 'latest', '8.0.4-noble', 'noble'], OS.noble, 855], ['8.0.3', [], OS.noble, 851],
    ['7.0.16', ['7.0', '7', '7.0.16-jammy', 'jammy'], OS.jammy, 783], ['7.0.12', [], OS.jammy, 758],
    ['6.0.19', ['6.0', '6', '6.0.19-jammy'], OS.jammy, 721], ['5.0.30', ['5.0', '5', '5.0.30-focal', 'focal'], OS.focal, 712],
    ['4.4.29', ['4.4', '4', '4.4.29-focal'], OS.focal, 432],
  ], build);
}

function postgres(): CatalogImage[] {
  const build = (v: string, os: OsRelease) => {
    const major = v.split('.')[0];
    const bin = `/usr/lib/postgresql/${major}/bin`;
    return {
      config: { entrypoint: ['docker-entrypoint.sh'], cmd: ['postgres'], env: env({ GOSU_VERSION: '1.17', LANG: 'en_US.utf8', PG_MAJOR: major,
        PG_VERSION: os.flavor === 'alpine' ? v.replace('-alpine', '') : `${v}-1.pgdg120+1`, PGDATA: '/var/lib/postgresql/data' },
      `${env()[0][1]}:${bin}`), stopSignal: 'SIGINT' as const, exposedPorts: [5432] },
      dirs: ['/var/lib/postgresql/data', '/var/run/postgresql'],
      bins: { '/usr/local/bin/docker-entrypoint.sh': 'postgres-entrypoint', [`${bin}/postgres`]: 'postgres', [`${bin}/initdb`]: 'initdb',
        '/usr/bin/psql': 'psql', '/usr/local/bin/gosu': 'gosu', '/usr/bin/pg_isready': 'pg_isready' },
      ratio: 0.35,
    };
  };
  return many(lib('postgres'), [
    ['17.2', ['17', 'latest', '17.2-bookworm', 'bookworm'], OS.bookworm, 435], ['17.2-alpine', ['17-alpine', 'alpine'], OS.alpine('3.21.2'), 278],
    ['16.6', ['16', '16.6-bookworm'], OS.bookworm, 432], ['16.6-alpine', ['16-alpine'], OS.alpine('3.21.2'), 275],
    ['15.10', ['15'], OS.bookworm, 426], ['15.10-alpine', ['15-alpine'], OS.alpine('3.21.2'), 273],
    ['14.15', ['14'], OS.bookworm, 422], ['13.18', ['13'], OS.bookworm, 419], ['12.22', ['12'], OS.bookworm, 414],
    ['10.23', ['10'], OS.bullseye, 200],
  ], build);
}

function mysql(): CatalogImage[] {
  const build = (v: string) => ({
    config: { entrypoint: ['docker-entrypoint.sh'], cmd: ['mysqld'], env: env({ GOSU_VERSION: '1.17', MYSQL_MAJOR: v.startsWith('9') ? 'innovation' : v.split('.').slice(0, 2).join('.'),
      MYSQL_VERSION: `${v}-1.el9`, MYSQL_SHELL_VERSION: `${v}-1.el9` }), exposedPorts: [3306, 33060] },
    dirs: ['/var/lib/mysql', '/var/run/mysqld'],
    bins: { '/usr/local/bin/docker-entrypoint.sh': 'mysql-entrypoint', '/usr/sbin/mysqld': 'mysqld', '/usr/bin/mysql': 'mysql',
      '/usr/bin/mysqladmin': 'mysqladmin', '/usr/local/bin/gosu': 'gosu' },
    ratio: 0.3,
  });
  return many(lib('mysql'), [
    ['9.1.0', ['9.1', '9', 'innovation', 'latest', 'oracle', '9.1.0-oraclelinux9', 'oraclelinux9'], OS.oracle9, 797],
    ['8.4.3', ['8.4', '8', 'lts', '8.4.3-oraclelinux9', 'lts-oraclelinux9'], OS.oracle9, 764],
    ['8.0.40', ['8.0', '8.0.40-oraclelinux9', '8.0-oraclelinux9'], OS.oracle9, 772],
    ['5.7.44', ['5.7', '5'], OS.oracle9, 501],
  ], build);
}

function languages(): CatalogImage[] {
  const perl = many(lib('perl'), [
    ['5.40.0', ['5.40', '5', 'latest', 'stable', 'bookworm', '5.40.0-bookworm'], OS.bookworm, 890],
    ['5.40.0-slim', ['5.40-slim', '5-slim', 'slim', 'stable-slim'], OS.bookworm, 148],
    ['5.38.3', ['5.38'], OS.bookworm, 887], ['5.36.3', ['5.36'], OS.bookworm, 884],
    ['5.34.0', [], OS.bullseye, 858], ['5.34', [], OS.bookworm, 879],
  ], () => ({ config: { cmd: ['perl'], env: env(), workingDir: '/usr/src/app' }, bins: { '/usr/local/bin/perl': 'perl', '/usr/bin/perl': 'perl' } }));
  const python = many(lib('python'), [
    ['3.13.1', ['3.13', '3', 'latest', 'bookworm'], OS.bookworm, 1020], ['3.13.1-slim', ['3.13-slim', '3-slim', 'slim'], OS.bookworm, 125],
    ['3.13.1-alpine', ['3.13-alpine', '3-alpine', 'alpine'], OS.alpine('3.21.2'), 45.9],
    ['3.12.8', ['3.12'], OS.bookworm, 1020], ['3.12.8-slim', ['3.12-slim'], OS.bookworm, 125], ['3.11.11', ['3.11'], OS.bookworm, 1010],
    ['3.10.16', ['3.10'], OS.bookworm, 1000], ['3.9.21', ['3.9'], OS.bookworm, 997],
  ], (v) => ({ config: { cmd: ['python3'], env: env({ LANG: 'C.UTF-8', GPG_KEY: '7169605F62C751356D054A26A821E680E5FA6305', PYTHON_VERSION: v.split('-')[0] }, `/usr/local/bin:${env()[0][1]}`) },
    bins: { '/usr/local/bin/python3': 'python', '/usr/local/bin/python': 'python', '/usr/local/bin/pip': 'pip', '/usr/local/bin/pip3': 'pip' } }));
  const node = many(lib('node'), [
    ['23.6.0', ['23.6', '23', 'current', 'latest', 'bookworm'], OS.bookworm, 1120], ['23.6.0-alpine', ['23-alpine', 'current-alpine', 'alpine'], OS.alpine('3.21.2'), 161],
    ['22.13.0', ['22.13', '22', 'lts', 'jod'], OS.bookworm, 1110], ['22.13.0-alpine', ['22-alpine', 'lts-alpine'], OS.alpine('3.21.2'), 157],
    ['22.13.0-slim', ['22-slim', 'lts-slim'], OS.bookworm, 225], ['20.18.1', ['20.18', '20', 'iron'], OS.bookworm, 1100],
    ['20.18.1-alpine', ['20-alpine'], OS.alpine('3.21.2'), 133], ['18.20.5', ['18.20', '18', 'hydrogen'], OS.bookworm, 1090],
    ['18.20.5-alpine', ['18-alpine'], OS.alpine('3.21.2'), 127],
  ], (v) => ({ config: { entrypoint: ['docker-entrypoint.sh'], cmd: ['node'], env: env({ NODE_VERSION: v.split('-')[0], YARN_VERSION: '1.22.22' }) },
    bins: { '/usr/local/bin/docker-entrypoint.sh': 'node-entrypoint', '/usr/local/bin/node': 'node', '/usr/local/bin/npm': 'npm', '/usr/local/bin/npx': 'npm' } }));
  return [...perl, ...python, ...node];
}

/** Every docker.io/library image other than nginx. */
export function libraryImages(): CatalogImage[] {
  return [...busybox(), ...alpine(), ...ubuntu(), ...debian(), ...httpd(), ...redis(), ...mongo(), ...postgres(), ...mysql(), ...languages()];
}

