import { describe, expect, it } from 'vitest';
import type { ApiRequest } from '../../../engine/api/request';
import type { Node, Pod } from '../../../engine/api/types';
import { runKubectl } from '../../kubectl';
import { minikubeKubeConfig } from '../../in-process';
import type { KubectlEnv } from '../../types';
import { newProfileApplier, type KeepFlags } from './profiles';
import { type DebugSpec, generateDebugContainer, generateNodeDebugPod, generatePodCopy } from './generate';
import { readCustomProfile, validateCustomProfile } from './custom-profile';

async function kubectl(args: string[]): Promise<{ code: number; out: string; err: string; requests: ApiRequest[] }> {
  let out = '';
  let err = '';
  const requests: ApiRequest[] = [];
  const env: KubectlEnv = {
    api: {
      request: async (req) => {
        requests.push(req);
        return { code: 404, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'NotFound', code: 404,
          message: `pods "${req.name}" not found`, details: { name: req.name, kind: 'pods' } } };
      },
      watch: () => { throw new Error('no watch'); },
    },
    fs: { read: () => undefined, isDir: () => false, list: () => [] },
    config: minikubeKubeConfig(),
    now: () => Date.UTC(2025, 0, 15),
  };
  const code = await runKubectl(args, env, { stdout: (t) => { out += t; }, stderr: (t) => { err += t; } });
  return { code, out, err, requests };
}

const LEGACY = '--profile=legacy is deprecated and will be removed in the future. It is recommended to explicitly specify a profile, for example "--profile=general".\n';

describe('kubectl debug: Complete and Validate', () => {
  const cases: { name: string; args: string[]; err: string; out?: string }[] = [
    { name: 'no image', args: ['debug', 'web'], err: 'error: you must specify --image when not using --copy-to.\n' },
    { name: 'no name', args: ['debug', '--image=busybox'], err: 'error: NAME or filename is required for debug\n' },
    { name: 'tty without stdin', args: ['debug', 'web', '--image=busybox', '-t'], err: 'error: -i/--stdin is required for containers with -t/--tty=true\n' },
    { name: 'bad image', args: ['debug', 'web', '--image=Busybox'], err: 'error: invalid image name "Busybox": invalid reference format\n' },
    { name: 'unknown profile', args: ['debug', 'web', '--profile=bad'], err: 'error: unknown profile: bad\n' },
    { name: 'copy without image', args: ['debug', 'web', '--copy-to=x'], err: 'error: you must specify --image, --set-image or command arguments.\n' },
    { name: 'copy args without container', args: ['debug', 'web', '--copy-to=x', '--set-image=*=nginx', '--', 'sh'],
      err: 'error: you must specify an existing container or a new image when specifying args.\n' },
    { name: 'target with copy', args: ['debug', 'web', '--image=busybox', '--target=a', '--copy-to=b'],
      err: 'error: --target is incompatible with --copy-to. Use --share-processes instead.\n' },
    { name: 'replace without copy', args: ['debug', 'web', '--replace', '--image=b'], err: 'error: --replace may only be used with --copy-to.\n' },
    { name: 'same-node without copy', args: ['debug', 'web', '--same-node', '--image=b'], err: 'error: --same-node may only be used with --copy-to.\n' },
    { name: 'set-image without copy', args: ['debug', 'web', '--set-image=a=b'], err: 'error: --set-image may only be used with --copy-to.\n' },
    { name: 'attach without container', args: ['debug', 'web', '--attach'],
      err: 'error: you must specify --container or create a new container using --image in order to attach.\n' },
    { name: 'pull policy', args: ['debug', 'web', '--image=busybox', '--image-pull-policy=Sometimes'], err: 'error: invalid image pull policy: Sometimes\n' },
    { name: 'bad set-image', args: ['debug', 'web', '--copy-to=x', '--set-image=app=Bad'],
      err: 'error: invalid image name "Bad" for container "app": invalid reference format\n' },
  ];
  for (const tc of cases) {
    it(tc.name, async () => {
      const r = await kubectl(tc.args);
      expect(r.code).toBe(1);
      expect(r.err).toBe(tc.err);
      expect(r.requests).toHaveLength(0);
    });
  }

  it('the --target notice, then the legacy warning, then the request (a missing pod is NotFound)', async () => {
    const r = await kubectl(['debug', 'web', '--image=busybox', '--target=app']);
    expect(r.out).toBe('Targeting container "app". If you don\'t see processes from this container it may be because the container runtime doesn\'t support this feature.\n');
    expect(r.err).toBe(`${LEGACY}Error from server (NotFound): pods "web" not found\n`);
    expect(r.requests.map((q) => `${q.verb} ${q.resource}/${q.name}`)).toEqual(['get pods/web']);
  });
});

const keep: KeepFlags = { labels: false, annotations: false, liveness: false, readiness: false, startup: false, initContainers: true };
const spec = (extra: Partial<DebugSpec> = {}): DebugSpec => ({ image: 'busybox', container: '', args: [], argsOnly: false, env: [], pullPolicy: '',
  interactive: true, tty: true, quiet: false, target: '', copyTo: '', sameNode: false, setImages: {}, applier: newProfileApplier('general', keep),
  seed: 7, out: () => undefined, ...extra });
const pod = (): Pod => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default', labels: { app: 'web' }, annotations: { a: 'b' } },
  spec: { nodeName: 'minikube', containers: [{ name: 'app', image: 'nginx', readinessProbe: { httpGet: { port: 80 } } }] } });

describe('kubectl debug: generated objects', () => {
  it('an ephemeral container: a debugger-XXXXX name, the command, the target, SYS_PTRACE under general', () => {
    const out: string[] = [];
    const { pod: p, name } = generateDebugContainer(spec({ target: 'app', args: ['sh'], out: (t) => out.push(t) }), pod());
    expect(name).toMatch(/^debugger-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(out).toEqual([`Defaulting debug container name to ${name}.\n`]);
    expect(p.spec?.ephemeralContainers).toEqual([{ name, image: 'busybox', command: ['sh'], resources: {}, terminationMessagePolicy: 'File',
      stdin: true, tty: true, targetContainerName: 'app', securityContext: { capabilities: { add: ['SYS_PTRACE'] } } }]);
  });

  it('a node pod: host namespaces, the host root at /host, tolerating everything, on the node', () => {
    const out: string[] = [];
    const node = { metadata: { name: 'minikube' } } as Node;
    const p = generateNodeDebugPod(spec({ applier: newProfileApplier('legacy', keep), out: (t) => out.push(t) }), node);
    expect(p.metadata?.name).toMatch(/^node-debugger-minikube-.{5}$/);
    expect(out).toEqual([`Creating debugging pod ${p.metadata?.name} with container debugger on node minikube.\n`]);
    expect(p.spec).toMatchObject({ nodeName: 'minikube', restartPolicy: 'Never', tolerations: [{ operator: 'Exists' }],
      hostNetwork: true, hostPID: true, hostIPC: true, volumes: [{ name: 'host-root', hostPath: { path: '/' } }] });
    expect(p.spec?.containers[0].volumeMounts).toEqual([{ mountPath: '/host', name: 'host-root' }]);
  });

  const profiles: { name: string; profile: string; labels?: object; probe: boolean; share?: boolean; sc?: object }[] = [
    { name: 'legacy keeps probes and annotations, drops labels', profile: 'legacy', probe: true },
    { name: 'general drops probes, shares processes, SYS_PTRACE', profile: 'general', probe: false, share: true,
      sc: { capabilities: { add: ['SYS_PTRACE'] } } },
    { name: 'restricted runs as non-root with nothing', profile: 'restricted', probe: false, share: true,
      sc: { runAsNonRoot: true, capabilities: { drop: ['ALL'] }, allowPrivilegeEscalation: false, seccompProfile: { type: 'RuntimeDefault' } } },
    { name: 'sysadmin is privileged', profile: 'sysadmin', probe: false, share: true, sc: { privileged: true } },
    { name: 'netadmin adds NET_ADMIN and NET_RAW', profile: 'netadmin', probe: false, share: true, sc: { capabilities: { add: ['NET_ADMIN', 'NET_RAW'] } } },
  ];
  for (const tc of profiles) {
    it(`a copy with --profile=${tc.profile}: ${tc.name}`, () => {
      const { pod: p, name } = generatePodCopy(spec({ copyTo: 'web-copy', applier: newProfileApplier(tc.profile, keep) }), pod());
      expect(p.metadata?.name).toBe('web-copy');
      expect(p.metadata?.labels).toBeUndefined();
      expect(p.spec?.nodeName).toBeUndefined();
      expect(!!p.spec?.containers[0].readinessProbe).toBe(tc.probe);
      expect(p.spec?.shareProcessNamespace).toBe(tc.share);
      expect(p.spec?.containers.find((c) => c.name === name)?.securityContext).toEqual(tc.sc);
    });
  }

  it('--set-image only: the images change, no container is added, the profile is not applied', () => {
    const { pod: p, name } = generatePodCopy(spec({ copyTo: 'c', image: '', setImages: { '*': 'httpd' } }), pod());
    expect(name).toBe('');
    expect(p.spec?.containers.map((c) => c.image)).toEqual(['httpd']);
    expect(p.metadata?.labels).toEqual({ app: 'web' });
  });
});

describe('kubectl debug --custom', () => {
  const fs = (files: Record<string, string>) => ({ read: (p: string) => files[p], isDir: () => false, list: () => [] });
  const cases: { name: string; text?: string; err: string }[] = [
    { name: 'missing file', err: 'error: must pass a container spec json file for custom profile: open c.yaml: no such file or directory' },
    { name: 'forbidden field', text: 'image: x\n', err: 'error: name, command, image, lifecycle and volume devices are not modifiable via custom profile' },
    { name: 'JSON array', text: '[1,2]', err: 'error: c.yaml does not contain a valid container spec: error unmarshaling JSON: while decoding JSON: '
      + 'json: cannot unmarshal array into Go value of type v1.Container' },
    // go-yaml's line numbers for an unclosed flow sequence are its own (line 1 here); the message prefix is what counts.
    { name: 'bad YAML', text: 'a: [\n', err: 'error: c.yaml does not contain a valid container spec: error converting YAML to JSON: yaml: line ' },
  ];
  for (const tc of cases) {
    it(tc.name, () => {
      expect(() => validateCustomProfile(readCustomProfile(fs(tc.text === undefined ? {} : { 'c.yaml': tc.text }), 'c.yaml'))).toThrow(tc.err);
    });
  }

  it('is merged into the debug container after the profile (env by name, securityContext field by field)', () => {
    const custom = readCustomProfile(fs({ 'c.yaml': 'env:\n- name: A\n  value: "1"\nsecurityContext:\n  runAsUser: 0\n' }), 'c.yaml');
    const { pod: p, name } = generateDebugContainer(spec({ custom, env: [{ name: 'B', value: '2' }] }), pod());
    const ec = p.spec!.ephemeralContainers!.find((c) => c.name === name)!;
    expect(ec.env).toEqual([{ name: 'A', value: '1' }, { name: 'B', value: '2' }]);
    expect(ec.securityContext).toEqual({ capabilities: { add: ['SYS_PTRACE'] }, runAsUser: 0 });
  });
});
