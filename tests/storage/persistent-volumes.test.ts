// PersistentVolumes and claims end to end: static volumes binding by size, class, access modes,
// selector and volumeName; reclaim Retain (Released) and Delete (the provisioner deletes its
// volume and directory; a static hostPath outside /tmp fails as the hostPath deleter says); the
// protection finalizers while a pod uses the claim.
import { describe, expect, it } from 'vitest';
import type { PersistentVolume } from '../../src/engine/api';
import { R } from '../../src/engine/client';
import { apply, run, session, sleep } from './harness';

const pv = (name: string, size: string, extra = '') => `apiVersion: v1
kind: PersistentVolume
metadata:
  name: ${name}
spec:
  capacity:
    storage: ${size}
  accessModes: [ReadWriteOnce]
  storageClassName: manual
  hostPath:
    path: /tmp/${name}
${extra}`;

const pvc = (name: string, size: string, extra = '') => `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${name}
spec:
  storageClassName: manual
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: ${size}
${extra}`;

describe('static volumes', () => {
  it('a claim binds the smallest volume that satisfies it, of its class and access modes', async () => {
    const s = session();
    await apply(s, [pv('pv-1g', '1Gi'), pv('pv-5g', '5Gi'), pv('pv-3g', '3Gi'),
      pv('pv-rox', '2Gi').replace('[ReadWriteOnce]', '[ReadOnlyMany]'), pv('pv-other', '2Gi').replace('manual', 'other')].join('---\n'));
    await apply(s, pvc('want-2g', '2Gi'));
    await sleep(s, 5);
    expect(await run(s, 'kubectl get pvc want-2g')).toMatch(/\nwant-2g +Bound +pv-3g +3Gi +RWO +manual +<unset> +5s\n$/);
    expect(await run(s, 'kubectl get pv pv-3g')).toMatch(/\npv-3g +3Gi +RWO +Retain +Bound +default\/want-2g +manual +<unset> +5s\n$/);
    const c = s.cluster.client('test');
    const ann = (o: { metadata?: { annotations?: Record<string, string> } }) =>
      Object.keys(o.metadata?.annotations ?? {}).filter((k) => k.startsWith('pv.')).map((k) => `${k}=${o.metadata!.annotations![k]}`);
    expect(ann(c.get(R.persistentvolumes, undefined, 'pv-3g'))).toEqual(['pv.kubernetes.io/bound-by-controller=yes']);
    expect(ann(c.get(R.persistentvolumeclaims, 'default', 'want-2g'))).toEqual(['pv.kubernetes.io/bind-completed=yes', 'pv.kubernetes.io/bound-by-controller=yes']);
    expect(c.get<PersistentVolume>(R.persistentvolumes, undefined, 'pv-3g').spec!.claimRef).toMatchObject({ kind: 'PersistentVolumeClaim', namespace: 'default', name: 'want-2g' });
  });

  it('by label selector and by volumeName', async () => {
    const s = session();
    await apply(s, [pv('plain', '1Gi'), pv('labelled', '1Gi').replace('  name: labelled\n', '  name: labelled\n  labels:\n    tier: db\n'),
      pv('named', '10Gi').replace('manual', '""')].join('---\n'));
    await apply(s, [pvc('by-label', '500Mi', '  selector:\n    matchLabels:\n      tier: db\n'),
      pvc('by-name', '1Gi', '  volumeName: named\n').replace('manual', '""')].join('---\n'));
    await sleep(s, 5);
    expect(await run(s, 'kubectl get pvc')).toMatch(/\nby-label +Bound +labelled +1Gi +RWO +manual +<unset> +5s\nby-name +Bound +named +10Gi +RWO +<unset> +5s\n$/);
    expect(await run(s, 'kubectl get pv plain')).toMatch(/\nplain +1Gi +RWO +Retain +Available +manual /);
  });
});

describe('reclaim policies', () => {
  it('Retain: the volume is Released with its claimRef and data, and a new claim does not bind it', async () => {
    const s = session();
    await apply(s, `${pv('keep', '1Gi')}---\n${pvc('data', '1Gi')}`);
    await sleep(s, 5);
    s.cluster.storage.files.node('minikube').write('tmp/keep/file', 'hello');
    expect(await run(s, 'kubectl delete pvc data')).toBe('persistentvolumeclaim "data" deleted\n');
    await sleep(s, 5);
    expect(await run(s, 'kubectl get pv keep')).toMatch(/\nkeep +1Gi +RWO +Retain +Released +default\/data +manual +<unset> +10s\n$/);
    expect(s.cluster.storage.files.node('minikube').read('tmp/keep/file')).toBe('hello');
    await apply(s, pvc('data', '1Gi'));
    await sleep(s, 20);
    expect(await run(s, 'kubectl get pvc data')).toMatch(/\ndata +Pending +manual +<unset> +20s\n$/);
    // The administrator frees it by removing the claimRef: it becomes Available and binds.
    await run(s, `kubectl patch pv keep --type=json -p '[{"op":"remove","path":"/spec/claimRef"}]'`);
    await sleep(s, 20);
    expect(await run(s, 'kubectl get pvc data')).toMatch(/\ndata +Bound +keep +1Gi /);
  });

  it('Delete on a provisioned volume: the provisioner deletes the PV and its directory', async () => {
    const s = session();
    await apply(s, 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: dyn\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n');
    await sleep(s, 5);
    const node = s.cluster.storage.files.node('minikube');
    expect(node.isDir('tmp/hostpath-provisioner/default/dyn')).toBe(true);
    await run(s, 'kubectl delete pvc dyn');
    await sleep(s, 5);
    expect(await run(s, 'kubectl get pv')).toBe('No resources found\n');
    expect(node.isDir('tmp/hostpath-provisioner/default/dyn')).toBe(false);
  });

  it('Delete on a static hostPath volume outside /tmp: Failed with the hostPath deleter\'s message', async () => {
    const s = session();
    await apply(s, `${pv('del', '1Gi').replace('/tmp/del', '/mnt/del').replace('  storageClassName', '  persistentVolumeReclaimPolicy: Delete\n  storageClassName')}---\n${pvc('c', '1Gi')}`);
    await sleep(s, 5);
    await run(s, 'kubectl delete pvc c');
    await sleep(s, 5);
    expect(await run(s, 'kubectl get pv del')).toMatch(/\ndel +1Gi +RWO +Delete +Failed +default\/c +manual /);
    expect(await run(s, 'kubectl describe pv del')).toContain('Message:         host_path deleter only supports /tmp/.+ but received provided /mnt/del\n');
    expect(await run(s, 'kubectl get events --field-selector involvedObject.name=del -o custom-columns=TYPE:.type,REASON:.reason,MESSAGE:.message')).toBe(
      'TYPE      REASON               MESSAGE\nWarning   VolumeFailedDelete   host_path deleter only supports /tmp/.+ but received provided /mnt/del\n');
  });
});

describe('protection', () => {
  it('a claim in use is Terminating until its pod is gone; its volume keeps the pv-protection finalizer while bound', async () => {
    const s = session();
    await apply(s, `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: used
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
---
apiVersion: v1
kind: Pod
metadata:
  name: user
spec:
  containers:
  - name: c
    image: busybox:1.36
    command: ["sleep", "3600"]
    volumeMounts:
    - name: data
      mountPath: /data
  volumes:
  - name: data
    persistentVolumeClaim:
      claimName: used
`);
    await sleep(s, 20);
    expect(await run(s, 'kubectl delete pvc used --wait=false')).toBe('persistentvolumeclaim "used" deleted\n');
    await sleep(s, 5);
    expect(await run(s, 'kubectl get pvc used')).toMatch(/\nused +Terminating +pvc-[0-9a-f-]{36} +1Gi +RWO +standard +<unset> +25s\n$/);
    expect(await run(s, 'kubectl delete pv --all --wait=false')).toMatch(/^persistentvolume "pvc-[0-9a-f-]{36}" deleted\n$/);
    await sleep(s, 5);
    expect(await run(s, 'kubectl get pv')).toMatch(/ +Terminating +default\/used +standard /);
    await run(s, 'kubectl delete pod user');
    await sleep(s, 10);
    expect(await run(s, 'kubectl get pvc,pv')).toBe('No resources found\n');
  });
});

describe('WaitForFirstConsumer', () => {
  it('the claim waits for a pod; the scheduler picks the node, the provisioner creates the volume there', async () => {
    const s = session();
    await apply(s, `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: wffc
provisioner: k8s.io/minikube-hostpath
volumeBindingMode: WaitForFirstConsumer
reclaimPolicy: Retain
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: late
spec:
  storageClassName: wffc
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
`);
    await sleep(s, 20);
    expect(await run(s, 'kubectl get pvc late')).toMatch(/\nlate +Pending +wffc +<unset> +20s\n$/);
    expect(await run(s, 'kubectl describe pvc late')).toMatch(/\n {2}Normal {2}WaitForFirstConsumer {2}\S+ \(x\d over 20s\) {2}persistentvolume-controller {2}waiting for first consumer to be created before binding\n$/);
    await apply(s, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: consumer\nspec:\n  containers:\n  - name: c\n    image: busybox:1.36\n    command: ["sleep", "3600"]\n' +
      '    volumeMounts:\n    - name: d\n      mountPath: /d\n  volumes:\n  - name: d\n    persistentVolumeClaim:\n      claimName: late\n');
    await sleep(s, 10);
    expect(await run(s, 'kubectl get pvc late')).toMatch(/\nlate +Bound +pvc-[0-9a-f-]{36} +1Gi +RWO +wffc +<unset> +30s\n$/);
    expect(await run(s, 'kubectl get pv')).toMatch(/ +1Gi +RWO +Retain +Bound +default\/late +wffc /);
    expect(await run(s, "kubectl get pvc late -o jsonpath='{.metadata.annotations.volume\\.kubernetes\\.io/selected-node}'")).toBe('minikube');
    expect(await run(s, 'kubectl get pod consumer')).toMatch(/\nconsumer +1\/1 +Running +0 +10s\n$/);
  });
});

