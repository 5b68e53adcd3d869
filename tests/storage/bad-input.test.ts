// Bad input around configuration and storage: each gets the real validation error or event, and
// nothing is stored or changed by it.
import { describe, expect, it } from 'vitest';
import { apply, run, runCode, session, sleep } from './harness';
import type { Session } from '../../src/server/session';

const pod = (name: string, spec: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: c
    image: busybox:1.36
    command: ["sleep", "3600"]
${spec}`;

async function nothingStored(s: Session): Promise<void> {
  expect(await run(s, 'kubectl get pods')).toBe('No resources found in default namespace.\n');
}

describe('invalid pods are rejected with the real field errors', () => {
  const cases = [
    {
      name: 'a volumeMount naming no volume',
      yaml: pod('nomount', '    volumeMounts:\n    - name: data\n      mountPath: /data\n'),
      want: 'The Pod "nomount" is invalid: spec.containers[0].volumeMounts[0].name: Not found: "data"\n',
    },
    {
      name: 'two volumes with one name',
      yaml: pod('twice', '    volumeMounts:\n    - name: data\n      mountPath: /data\n  volumes:\n  - name: data\n    emptyDir: {}\n  - name: data\n    configMap:\n      name: x\n'),
      want: 'The Pod "twice" is invalid: spec.volumes[1].name: Duplicate value: "data"\n',
    },
    {
      name: 'a defaultMode out of range (0777 is the largest; 999 is decimal)',
      yaml: pod('mode', '  volumes:\n  - name: cfg\n    configMap:\n      name: x\n      defaultMode: 999\n'),
      want: 'The Pod "mode" is invalid: spec.volumes[0].configMap.defaultMode: Invalid value: 999: must be a number between 0 and 0777 (octal), both inclusive\n',
    },
    {
      name: 'negative modes and a path leaving the volume',
      yaml: pod('modes', '  volumes:\n  - name: sec\n    secret:\n      secretName: x\n      defaultMode: -1\n      items:\n      - key: a\n        path: ../a\n        mode: 01000\n'),
      want: 'The Pod "modes" is invalid: \n' +
        '* spec.volumes[0].secret.defaultMode: Invalid value: -1: must be a number between 0 and 0777 (octal), both inclusive\n' +
        '* spec.volumes[0].secret.items[0].path: Invalid value: "../a": must not contain \'..\'\n' +
        '* spec.volumes[0].secret.items[0].mode: Invalid value: 512: must be a number between 0 and 0777 (octal), both inclusive\n',
    },
    {
      name: 'two mounts at one path',
      yaml: pod('samepath', '    volumeMounts:\n    - name: a\n      mountPath: /data\n    - name: b\n      mountPath: /data\n  volumes:\n  - name: a\n    emptyDir: {}\n  - name: b\n    emptyDir: {}\n'),
      want: 'The Pod "samepath" is invalid: spec.containers[0].volumeMounts[1].mountPath: Invalid value: "/data": must be unique\n',
    },
    {
      name: 'a claim volume without claimName',
      yaml: pod('noclaim', '  volumes:\n  - name: data\n    persistentVolumeClaim:\n      readOnly: true\n'),
      want: 'The Pod "noclaim" is invalid: spec.volumes[0].persistentVolumeClaim.claimName: Required value\n',
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const s = session();
      const r = await runCode(s, `cat <<'EOF' | kubectl apply -f -\n${c.yaml}EOF`);
      expect(r).toEqual({ exitCode: 1, output: c.want });
      await nothingStored(s);
    });
  }

  it('an octal defaultMode as kubectl reads it (0400 is 256) is accepted', async () => {
    const s = session();
    expect(await apply(s, pod('ok', '  volumes:\n  - name: cfg\n    configMap:\n      name: x\n      defaultMode: 0400\n'))).toBe('pod/ok created\n');
    expect(await run(s, "kubectl get pod ok -o jsonpath='{.spec.volumes[0].configMap.defaultMode}'")).toBe('256');
  });
});

describe('claims that cannot be satisfied stay Pending with the real events', () => {
  it('no class and no PV large enough: FailedBinding, repeated at each resync; the small PV stays Available', async () => {
    const s = session();
    await apply(s, `apiVersion: v1
kind: PersistentVolume
metadata:
  name: small
spec:
  capacity:
    storage: 1Gi
  accessModes: [ReadWriteOnce]
  storageClassName: ""
  hostPath:
    path: /mnt/small
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: big
spec:
  storageClassName: ""
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 5Gi
`);
    await sleep(s, 30);
    expect(await run(s, 'kubectl get pv,pvc')).toBe(
      'NAME                     CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS      CLAIM   STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE\n' +
      'persistentvolume/small   1Gi        RWO            Retain           Available                          <unset>                          30s\n\n' +
      'NAME                        STATUS    VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE\n' +
      'persistentvolumeclaim/big   Pending                                                     <unset>                 30s\n');
    expect(await run(s, 'kubectl describe pvc big')).toContain('Events:\n' +
      '  Type    Reason         Age                From                         Message\n' +
      '  ----    ------         ----               ----                         -------\n' +
      '  Normal  FailedBinding  10s (x3 over 30s)  persistentvolume-controller  no persistent volumes available for this claim and no storage class is set\n');
    // A pod using it waits unscheduled, as the scheduler's VolumeBinding plugin says.
    await apply(s, pod('user', '    volumeMounts:\n    - name: data\n      mountPath: /data\n  volumes:\n  - name: data\n    persistentVolumeClaim:\n      claimName: big\n'));
    await sleep(s, 5);
    expect(await run(s, 'kubectl get pod user')).toMatch(/\nuser +0\/1 +Pending +0 +5s\n$/);
    expect(await run(s, "kubectl get events --field-selector reason=FailedScheduling -o jsonpath='{.items[0].message}'"))
      .toBe('0/1 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.');
  });

  it('a class that does not exist: ProvisioningFailed', async () => {
    const s = session();
    await apply(s, 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: manual\nspec:\n  storageClassName: manual\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 5Gi\n');
    await sleep(s, 30);
    expect(await run(s, 'kubectl get pvc manual')).toMatch(/\nmanual +Pending +manual +<unset> +30s\n$/);
    expect(await run(s, 'kubectl describe pvc manual')).toContain(
      '  Warning  ProvisioningFailed  10s (x3 over 30s)  persistentvolume-controller  storageclass.storage.k8s.io "manual" not found\n');
  });

  it('the default class while the storage-provisioner is down: ExternalProvisioning and the claim stays Pending', async () => {
    const s = session();
    await run(s, 'kubectl -n kube-system delete pod storage-provisioner');
    await apply(s, 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: waits\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n');
    await sleep(s, 30);
    expect(await run(s, 'kubectl get pvc waits')).toMatch(/\nwaits +Pending +standard +<unset> +30s\n$/);
    expect(await run(s, 'kubectl describe pvc waits')).toContain("persistentvolume-controller  Waiting for a volume to be created either by the external provisioner 'k8s.io/minikube-hostpath' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.\n");
  });
});

describe('Secrets of each type are validated as the API server does', () => {
  const cases = [
    { name: 'kubernetes.io/tls without tls.key', yaml: 'type: kubernetes.io/tls\ndata:\n  tls.crt: YWJj\n',
      want: 'The Secret "s" is invalid: data[tls.key]: Required value\n' },
    { name: 'dockerconfigjson that is not JSON', yaml: 'type: kubernetes.io/dockerconfigjson\nstringData:\n  .dockerconfigjson: "not json"\n',
      want: 'The Secret "s" is invalid: data[.dockerconfigjson]: Invalid value: "<secret contents redacted>": invalid character \'o\' in literal null (expecting \'u\')\n' },
    { name: 'service-account-token without its service account', yaml: 'type: kubernetes.io/service-account-token\n',
      want: 'The Secret "s" is invalid: metadata.annotations[kubernetes.io/service-account.name]: Required value\n' },
    { name: 'a key that is not a config key', yaml: 'stringData:\n  "a b": x\n',
      want: 'The Secret "s" is invalid: data[a b]: Invalid value: "a b": a valid config key must consist of alphanumeric characters, \'-\', \'_\' or \'.\' (e.g. \'key.name\',  or \'KEY_NAME\',  or \'key-name\', regex used for validation is \'[-._a-zA-Z0-9]+\')\n' },
    { name: 'data that is not base64', yaml: 'data:\n  password: s3cr3t!\n',
      want: 'Error from server (BadRequest): error when creating "STDIN": Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 6\n' },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const s = session();
      const r = await runCode(s, `cat <<'EOF' | kubectl apply -f -\napiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n${c.yaml}EOF`);
      expect(r).toEqual({ exitCode: 1, output: c.want });
      expect(await run(s, 'kubectl get secret s')).toBe('Error from server (NotFound): secrets "s" not found\n');
    });
  }

  it('kubectl create secret docker-registry writes a valid .dockerconfigjson', async () => {
    const s = session();
    expect(await run(s, 'kubectl create secret docker-registry regcred --docker-server=example.com --docker-username=u --docker-password=p'))
      .toBe('secret/regcred created\n');
    expect(await run(s, "kubectl get secret regcred -o jsonpath='{.data.\\.dockerconfigjson}' | base64 -d"))
      .toBe('{"auths":{"example.com":{"username":"u","password":"p","auth":"dTpw"}}}');
  });
});

describe('missing sources of volumes', () => {
  it('a claim that does not exist: unschedulable; a ConfigMap that does not exist: FailedMount with back-off, then it starts', async () => {
    const s = session();
    await apply(s, pod('noclaim', '    volumeMounts:\n    - name: d\n      mountPath: /d\n  volumes:\n  - name: d\n    persistentVolumeClaim:\n      claimName: nope\n') +
      '---\n' + pod('nocm', '    volumeMounts:\n    - name: d\n      mountPath: /d\n  volumes:\n  - name: d\n    configMap:\n      name: missing\n'));
    await sleep(s, 10);
    expect(await run(s, 'kubectl get pods')).toMatch(/\nnoclaim +0\/1 +Pending +0 +10s\nnocm +0\/1 +ContainerCreating +0 +10s\n$/);
    expect(await run(s, 'kubectl describe pod noclaim')).toContain('  Warning  FailedScheduling  10s   default-scheduler  0/1 nodes are available: ' +
      'persistentvolumeclaim "nope" not found. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.\n');
    // The operation executor's back-off: tries at 0, 0.5, 1.5, 3.5 and 7.5 s.
    expect(await run(s, 'kubectl describe pod nocm')).toContain('  Warning  FailedMount  3s (x5 over 10s)  kubelet            ' +
      'MountVolume.SetUp failed for volume "d" : configmap "missing" not found\n');
    await run(s, 'kubectl create configmap missing --from-literal=k=v');
    await sleep(s, 20);
    expect(await run(s, 'kubectl get pod nocm')).toMatch(/\nnocm +1\/1 +Running +0 +30s\n$/);
  });

  it('an immutable ConfigMap refuses changes to its data', async () => {
    const s = session();
    await apply(s, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: frozen\nimmutable: true\ndata:\n  a: "1"\n');
    expect(await runCode(s, `kubectl patch configmap frozen -p '{"data":{"a":"2"}}'`)).toEqual({ exitCode: 1,
      output: 'The ConfigMap "frozen" is invalid: data: Forbidden: field is immutable when `immutable` is set\n' });
    expect(await run(s, "kubectl get configmap frozen -o jsonpath='{.data.a}'")).toBe('1');
  });
});

