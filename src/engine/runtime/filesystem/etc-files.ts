// The files the kubelet and Docker manage for a container (/etc/hosts, /etc/resolv.conf,
// /etc/hostname), as a tiny volume: three strings, no maps (there may be ten thousand of them).
import type { VolumeFS } from '../cri';
import { volumePath } from './memory-volume';

/** A writable three-file volume ("hosts", "resolv.conf", "hostname"). */
export class EtcFiles implements VolumeFS {
  constructor(private hosts: string, private resolv: string, private host: string) {}

  read(path: string): string | undefined {
    switch (volumePath(path)) {
      case 'hosts': return this.hosts;
      case 'resolv.conf': return this.resolv;
      case 'hostname': return this.host;
      default: return undefined;
    }
  }

  write(path: string, content: string): void {
    switch (volumePath(path)) {
      case 'hosts': this.hosts = content; break;
      case 'resolv.conf': this.resolv = content; break;
      case 'hostname': this.host = content; break;
      default: throw new Error(`etc files: cannot create ${path}`);
    }
  }

  list(path: string): string[] {
    return volumePath(path) === '' ? ['hostname', 'hosts', 'resolv.conf'] : [];
  }

  isDir(path: string): boolean {
    return volumePath(path) === '';
  }

  mkdir(): void {
    throw new Error('etc files: read-only directory');
  }

  remove(): boolean {
    return false;
  }
}
