import { describe, expect, it } from 'vitest';
import { execIn, runContainer, testRuntime } from '../../test-support';
import { MemoryVolume } from '../../filesystem/memory-volume';
import { mongoStore, postgresStore, volumeFiles } from './records';
import { POSTGRES_NO_PASSWORD } from './postgres';

describe('postgres', () => {
  it('exits 1 without POSTGRES_PASSWORD, with the entrypoint\'s text on stderr', () => {
    const t = testRuntime();
    const c = runContainer(t, 'postgres');
    t.clock.advance(100);
    expect(c.exit).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(c.logs.every((l) => l.stream === 'stderr')).toBe(true);
    expect(c.text()).toBe(POSTGRES_NO_PASSWORD.trimEnd());
    expect(c.logs[0].line).toBe('Error: Database is uninitialized and superuser password is not specified.');
  });

  it('initializes on first start, skips initialization on a volume that holds a cluster', () => {
    const t = testRuntime();
    const data = new MemoryVolume();
    const mounts = [{ containerPath: '/var/lib/postgresql/data', readOnly: false, volume: data }];
    const first = runContainer(t, 'postgres', { env: [['POSTGRES_PASSWORD', 'secret']], mounts });
    t.clock.advance(5000);
    expect(first.text()).toContain('PostgreSQL init process complete; ready for start up.');
    expect(first.logs[first.logs.length - 1].line).toMatch(/\[1\] LOG: {2}database system is ready to accept connections$/);
    expect(first.container.listening(5432)).toBe(true);
    expect(execIn(t, first.container, ['psql', '-U', 'postgres', '-c', 'CREATE TABLE notes (id int, body text)']).stdout).toBe('CREATE TABLE\n');
    expect(execIn(t, first.container, ['psql', '-U', 'postgres', '-c', "INSERT INTO notes VALUES (1, 'hello')"]).stdout).toBe('INSERT 0 1\n');
    first.container.signal('SIGTERM');
    t.clock.advance(1000);
    expect(first.exit?.exitCode).toBe(0);
    expect(first.logs.some((l) => l.line.endsWith('LOG:  received fast shutdown request'))).toBe(true);

    const second = runContainer(t, 'postgres', { podUid: 'p2', podIP: '10.244.0.9', env: [['POSTGRES_PASSWORD', 'secret']], mounts });
    t.clock.advance(5000);
    expect(second.text()).toContain('PostgreSQL Database directory appears to contain a database; Skipping initialization');
    expect(execIn(t, second.container, ['psql', '-U', 'postgres', '-c', 'SELECT * FROM notes']).stdout).toBe(' id | body  \n----+-------\n  1 | hello \n(1 row)\n\n');
    expect(postgresStore(volumeFiles(data, '/var/lib/postgresql/data'), '/var/lib/postgresql/data').rows('postgres.notes')).toHaveLength(2);
  });
});

describe('mysql', () => {
  it('exits 1 without a root password option, with the entrypoint\'s [ERROR] text', () => {
    const t = testRuntime();
    const c = runContainer(t, 'mysql:8.0');
    t.clock.advance(100);
    expect(c.exit).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(c.logs.map((l) => l.line)).toEqual([
      '2025-01-15 09:00:00+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.0.40-1.el9 started.',
      "2025-01-15 09:00:00+00:00 [Note] [Entrypoint]: Switching to dedicated user 'mysql'",
      '2025-01-15 09:00:00+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.0.40-1.el9 started.',
      '2025-01-15 09:00:00+00:00 [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified',
      '    You need to specify one of the following as an environment variable:',
      '    - MYSQL_ROOT_PASSWORD',
      '    - MYSQL_ALLOW_EMPTY_PASSWORD',
      '    - MYSQL_RANDOM_ROOT_PASSWORD',
    ]);
  });

  it('initializes with MYSQL_ROOT_PASSWORD, then answers the client', () => {
    const t = testRuntime();
    const c = runContainer(t, 'mysql', { env: [['MYSQL_ROOT_PASSWORD', 'pw'], ['MYSQL_DATABASE', 'shop']] });
    t.clock.advance(20_000);
    expect(c.text()).toContain('[Note] [Entrypoint]: MySQL init process done. Ready for start up.');
    expect(c.logs[c.logs.length - 1].line).toContain("/usr/sbin/mysqld: ready for connections. Version: '9.1.0'");
    const r = execIn(t, c.container, ['mysql', '-uroot', '-ppw', '-e', 'SHOW DATABASES']);
    expect(r.stderr).toBe('mysql: [Warning] Using a password on the command line interface can be insecure.\n');
    expect(r.stdout).toBe('Database\ninformation_schema\nmysql\nperformance_schema\nshop\nsys\n');
    expect(execIn(t, c.container, ['mysql', '-uroot', '-pnope', '-e', 'SELECT 1']).stderr).toContain("ERROR 1045 (28000): Access denied for user 'root'@'localhost' (using password: YES)");
  });
});

describe('mongo', () => {
  it('writes WiredTiger files on first start; a new pod on the same volume finds the data', () => {
    const t = testRuntime();
    const db = new MemoryVolume();
    const env: [string, string][] = [['MONGO_INITDB_ROOT_USERNAME', 'admin'], ['MONGO_INITDB_ROOT_PASSWORD', 'pw']];
    const mounts = [{ containerPath: '/data/db', readOnly: false, volume: db }];
    const first = runContainer(t, 'mongo:latest', { env, mounts });
    t.clock.advance(10_000);
    const text = first.text();
    expect(text).toContain('MongoDB init process complete; ready for start up.');
    expect(text).toContain('"msg":"createCollection","attr":{"namespace":"admin.system.version"');
    expect(text).toMatch(/"s":"I", {2}"c":"NETWORK", {2}"id":23016, {3}"ctx":"listener","msg":"Waiting for connections","attr":\{"port":27017,"ssl":"off"\}\}/);
    expect(db.list('')).toContain('WiredTiger');
    const ins = execIn(t, first.container, ['mongosh', 'mongodb://admin:pw@localhost:27017/shop', '--eval', "db.orders.insertOne({item: 'book'})"]);
    expect(ins.stdout).toMatch(/^\{\n {2}acknowledged: true,\n {2}insertedId: ObjectId\('[0-9a-f]{24}'\)\n\}\n$/);
    expect(execIn(t, first.container, ['mongosh', '--eval', 'db.orders.find()']).stderr).toBe('MongoServerError: Command find requires authentication\n');
    // HTTP on the driver port gets mongod's fixed answer, not a refused connection.
    expect(first.container.http(27017, { method: 'GET', path: '/', headers: {}, remoteAddr: '127.0.0.1' })?.body)
      .toBe('It looks like you are trying to access MongoDB over HTTP on the native driver port.\n');
    first.container.signal('SIGTERM');
    t.clock.advance(1000);
    expect(first.exit?.exitCode).toBe(0);

    const second = runContainer(t, 'mongo:latest', { env, mounts, podUid: 'p2', podIP: '10.244.0.8' });
    t.clock.advance(10_000);
    expect(second.text()).not.toContain('MongoDB init process complete');
    expect(second.text()).not.toContain('"msg":"createCollection"');
    expect(second.text()).toContain('recovery log replay has successfully finished');
    expect(mongoStore(volumeFiles(db, '/data/db'), '/data/db').rows('shop.orders')).toMatchObject([{ item: 'book' }]);
  });

  it('uses ~160 MiB: a 128Mi limit gets it OOMKilled', () => {
    const t = testRuntime();
    const c = runContainer(t, 'mongo', { memoryLimitBytes: 128 * 1024 * 1024 });
    t.clock.advance(10_000);
    expect(c.exit).toMatchObject({ reason: 'OOMKilled', exitCode: 137 });
  });
});

describe('redis', () => {
  it('prints its banner, serves redis-cli, saves to /data on SIGTERM and reloads it', () => {
    const t = testRuntime();
    const data = new MemoryVolume();
    const mounts = [{ containerPath: '/data', readOnly: false, volume: data }];
    const a = runContainer(t, 'redis', { mounts });
    t.clock.advance(1000);
    expect(a.logs[0].line).toBe('1:C 15 Jan 2025 09:00:00.000 * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo');
    expect(a.logs[a.logs.length - 1].line).toMatch(/^1:M 15 Jan 2025 09:00:00\.\d{3} \* Ready to accept connections tcp$/);
    expect(execIn(t, a.container, ['redis-cli', 'SET', 'visits', '41']).stdout).toBe('OK\n');
    expect(execIn(t, a.container, ['redis-cli', 'INCR', 'visits']).stdout).toBe('42\n');
    a.container.signal('SIGTERM');
    t.clock.advance(1000);
    expect(a.text()).toContain('# Redis is now ready to exit, bye bye...');
    expect(a.exit?.exitCode).toBe(0);
    const b = runContainer(t, 'redis', { mounts, podUid: 'p2', podIP: '10.244.0.8' });
    t.clock.advance(1000);
    expect(b.text()).toContain('* Done loading RDB, keys loaded: 1, keys expired: 0.');
    expect(execIn(t, b.container, ['redis-cli', 'GET', 'visits']).stdout).toBe('42\n');
  });
});
