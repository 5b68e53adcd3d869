import { describe, expect, it } from 'vitest';
import { execIn, runContainer, testRuntime } from '../test-support';
import { MemoryVolume } from './memory-volume';
import { EtcFiles } from './etc-files';
import type { Mount } from '../cri';

function busybox(mounts: Mount[], o: Parameters<typeof runContainer>[2] = {}) {
  const t = testRuntime();
  const c = runContainer(t, 'busybox', { command: ['sleep', '3600'], mounts, ...o });
  t.clock.advance(1);
  return { t, c, sh: (script: string) => execIn(t, c.container, ['sh', '-c', script], { maxMs: 1000 }) };
}

describe('container filesystem', () => {
  it('shows a ConfigMap-like volume at its mount path', () => {
    const cm = new MemoryVolume({ 'game.properties': 'lives=3\n', 'ui.properties': 'color=blue\n' });
    const { sh } = busybox([{ containerPath: '/etc/config', readOnly: true, volume: cm }]);
    expect(sh('ls /etc/config').stdout).toBe('game.properties\nui.properties\n');
    expect(sh('cat /etc/config/game.properties').stdout).toBe('lives=3\n');
  });

  it('a read-only mount refuses writes with the shell\'s message', () => {
    const cm = new MemoryVolume({ key: 'v' });
    const { sh } = busybox([{ containerPath: '/etc/config', readOnly: true, volume: cm }]);
    expect(sh('echo x > /etc/config/new')).toEqual({ code: 1, stdout: '', stderr: "sh: can't create /etc/config/new: Read-only file system\n" });
    expect(sh('rm /etc/config/key').stderr).toBe("rm: can't remove '/etc/config/key': Read-only file system\n");
    expect(sh('touch /etc/config/t').stderr).toBe('touch: /etc/config/t: Read-only file system\n');
  });

  it('flock on a shared volume: one live owner at a time, released when its process is gone', () => {
    const vol = new MemoryVolume();
    const a = busybox([{ containerPath: '/data', readOnly: false, volume: vol }]);
    const b = busybox([{ containerPath: '/data', readOnly: false, volume: vol }]);
    let aLives = true;
    const ownerA = { id: 'a/1', alive: () => aLives };
    expect(a.c.container.fs.tryLock('/data/mongod.lock', ownerA)).toBe(true);
    expect(a.c.container.fs.tryLock('/data/mongod.lock', ownerA)).toBe(true);
    expect(b.c.container.fs.tryLock('/data/mongod.lock', { id: 'b/1', alive: () => true })).toBe(false);
    // A path of the container's own layer is not shared.
    expect(b.c.container.fs.tryLock('/tmp/x.lock', { id: 'b/1', alive: () => true })).toBe(true);
    expect(a.c.container.fs.tryLock('/tmp/x.lock', ownerA)).toBe(true);
    aLives = false;
    expect(b.c.container.fs.tryLock('/data/mongod.lock', { id: 'b/1', alive: () => true })).toBe(true);
  });

  it('a writable volume is shared between containers and outlives them', () => {
    const vol = new MemoryVolume();
    const t = testRuntime();
    const writer = runContainer(t, 'busybox', { command: ['sh', '-c', 'echo hello > /data/msg'], mounts: [{ containerPath: '/data', readOnly: false, volume: vol }] });
    t.clock.advance(10);
    expect(writer.exit?.exitCode).toBe(0);
    expect(vol.read('msg')).toBe('hello\n');
    const reader = runContainer(t, 'busybox', { podUid: 'p2', podIP: '10.244.0.9', command: ['cat', '/data/msg'], mounts: [{ containerPath: '/data', readOnly: false, volume: vol }] });
    t.clock.advance(10);
    expect(reader.text()).toBe('hello');
  });

  it('subPath mounts one file over an image file', () => {
    const cm = new MemoryVolume({ 'nginx.conf': 'events {}\nhttp { server { listen 8080; location / { return 200 "custom"; } } }\n' });
    const t = testRuntime();
    const c = runContainer(t, 'nginx', { args: ['nginx', '-g', 'daemon off;'], mounts: [{ containerPath: '/etc/nginx/nginx.conf', subPath: 'nginx.conf', readOnly: true, volume: cm }] });
    t.clock.advance(1000);
    expect(c.container.listening(8080)).toBe(true);
    expect(c.container.listening(80)).toBe(false);
    expect(c.container.http(8080, { method: 'GET', path: '/', headers: {}, remoteAddr: '10.244.0.1' })?.body).toBe('custom');
    expect(execIn(t, c.container, ['ls', '/etc/nginx']).stdout).toContain('mime.types');
  });

  it('a subPath directory of a volume', () => {
    const vol = new MemoryVolume({ 'site-a/index.html': 'A', 'site-b/index.html': 'B' });
    const { sh } = busybox([{ containerPath: '/www', subPath: 'site-b', readOnly: false, volume: vol }]);
    expect(sh('cat /www/index.html; ls /www').stdout).toBe('Bindex.html\n');
  });

  it('creates missing mount points in the writable layer', () => {
    const { sh } = busybox([{ containerPath: '/var/lib/app/data', readOnly: false, volume: new MemoryVolume() }]);
    expect(sh('ls /var/lib/app').stdout).toBe('data\n');
  });

  it('deletes image files only in the writable layer (whiteouts)', () => {
    const { sh } = busybox([]);
    expect(sh('rm /etc/group; ls /etc; cat /etc/group').stdout.split('\n')).not.toContain('group');
    expect(sh('mkdir /etc/group.d; echo x > /etc/group.d/a; ls /etc/group.d').stdout).toBe('a\n');
  });

  it('writes /etc/hosts, /etc/resolv.conf and /etc/hostname for the pod', () => {
    const { sh } = busybox([], { podName: 'web-0', hostname: 'web-0', podIP: '10.244.1.4', podNamespace: 'shop' });
    expect(sh('cat /etc/hostname').stdout).toBe('web-0\n');
    expect(sh('tail -1 /etc/hosts').stdout).toBe('10.244.1.4\tweb-0\n');
    expect(sh('cat /etc/resolv.conf').stdout).toBe('nameserver 10.96.0.10\nsearch shop.svc.cluster.local svc.cluster.local cluster.local\noptions ndots:5\n');
  });

  it('merged /usr on Debian: /bin is a link to usr/bin', () => {
    const t = testRuntime();
    const c = runContainer(t, 'debian', { command: ['sleep', 'infinity'] });
    t.clock.advance(1);
    expect(execIn(t, c.container, ['ls', '-l', '/']).stdout).toContain('bin -> usr/bin');
    expect(execIn(t, c.container, ['/bin/ls', '/bin/bash']).stdout).toBe('/bin/bash\n');
  });

  it('EtcFiles and MemoryVolume follow the VolumeFS path convention', () => {
    const e = new EtcFiles('h', 'r', 'n');
    expect(e.read('/hosts')).toBe('h');
    expect(e.list('')).toEqual(['hostname', 'hosts', 'resolv.conf']);
    const v = new MemoryVolume();
    v.write('/a/b/c.txt', 'x');
    expect(v.isDir('a/b')).toBe(true);
    expect(v.list('/a')).toEqual(['b']);
    expect(v.remove('a')).toBe(true);
    expect(v.read('a/b/c.txt')).toBeUndefined();
  });
});
