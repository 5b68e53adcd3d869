// The errors the mutating verbs give before they reach the server must be kubectl v1.32's, byte for byte
// and exit code for exit code.
import { describe, expect, it } from 'vitest';
import { HAVE_REAL_KUBECTL, runReal } from './real-kubectl';
import { runOurs } from './ours';

// Only errors kubectl finds before its first request (checks that follow discovery are not comparable
// against a refused connection).
const cases: { name: string; args: string[] }[] = [
  { name: 'label without resources', args: ['label'] },
  { name: 'label without changes', args: ['label', 'pods', 'x'] },
  { name: 'label resource after pair', args: ['label', 'pods', 'x', 'a=b', 'c'] },
  { name: 'label bad spec', args: ['label', 'pods', 'x', 'a=b=c'] },
  { name: 'label bad value', args: ['label', 'pods', 'x', 'a=b c'] },
  { name: 'label modify and remove', args: ['label', 'pods', 'x', 'a=b', 'a-'] },
  { name: 'label --all with -l', args: ['label', 'pods', '--all', '-l', 'a=b', 'c=d'] },
  { name: 'label --list with -o', args: ['label', 'pods', 'x', '--list', '-o', 'yaml'] },
  { name: 'label --local without files', args: ['label', '--local', 'x=y'] },
  { name: 'annotate without resources', args: ['annotate'] },
  { name: 'annotate without changes', args: ['annotate', 'pods', 'x'] },
  { name: 'annotate modify and remove', args: ['annotate', 'pods', 'x', 'a=b', 'a-'] },
  { name: 'annotate resource after pair', args: ['annotate', 'pods', 'x', 'a=b', 'y'] },
  { name: 'scale without replicas', args: ['scale', 'deploy/x'] },
  { name: 'scale negative replicas', args: ['scale', 'deploy/x', '--replicas=-2'] },
  { name: 'scale bad current replicas', args: ['scale', 'deploy/x', '--replicas=2', '--current-replicas=-3'] },
  { name: 'scale without resources', args: ['scale', '--replicas=2'] },
  { name: 'autoscale without max', args: ['autoscale', 'deploy/x'] },
  { name: 'autoscale max below min', args: ['autoscale', 'deploy/x', '--max=2', '--min=3'] },
  { name: 'autoscale max zero', args: ['autoscale', 'deploy/x', '--max=0'] },
  { name: 'patch without patch', args: ['patch', 'deploy', 'x'] },
  { name: 'patch bad type', args: ['patch', 'deploy', 'x', '-p', '{}', '--type=xml'] },
  { name: 'patch both patches', args: ['patch', 'deploy', 'x', '-p', '{}', '--patch-file=p.json'] },
  { name: 'replace without -f', args: ['replace'] },
  { name: 'replace grace without force', args: ['replace', '-f', 'x.yaml', '--grace-period=1'] },
  { name: 'rollout status without resource', args: ['rollout', 'status'] },
  { name: 'rollout undo without resource', args: ['rollout', 'undo'] },
  { name: 'rollout history without resource', args: ['rollout', 'history'] },
  { name: 'rollout pause without resource', args: ['rollout', 'pause'] },
  { name: 'rollout restart without resource', args: ['rollout', 'restart'] },
  { name: 'rollout unknown subcommand', args: ['rollout', 'statuss'] },
  { name: 'set unknown subcommand', args: ['set', 'foo'] },
  { name: 'set image without resources', args: ['set', 'image'] },
  { name: 'set env without resources', args: ['set', 'env'] },
  { name: 'set resources without resources', args: ['set', 'resources'] },
  { name: 'set selector without arguments', args: ['set', 'selector'] },
  { name: 'cordon without node', args: ['cordon'] },
  { name: 'uncordon without node', args: ['uncordon'] },
  { name: 'drain without node', args: ['drain'] },
  { name: 'taint without resources', args: ['taint'] },
  { name: 'wait without condition', args: ['wait'] },
  { name: 'wait unknown condition', args: ['wait', '--for=foo', 'pod/x'] },
  { name: 'wait bad jsonpath', args: ['wait', "--for=jsonpath={.status.phase}=", 'pod/x'] },
  { name: 'wait bad jsonpath format', args: ['wait', "--for=jsonpath={.status.phase}x", 'pod/x'] },
  { name: 'delete without resources', args: ['delete'] },
  { name: 'delete now with grace', args: ['delete', 'pod', 'x', '--now', '--grace-period=3'] },
  { name: 'delete bad cascade', args: ['delete', 'pod', 'x', '--cascade=bogus'] },
  { name: 'apply without -f', args: ['apply'] },
  { name: 'apply unexpected args', args: ['apply', 'pods'] },
  { name: 'apply force-conflicts client side', args: ['apply', '-f', 'x.yaml', '--force-conflicts'] },
  { name: 'apply server side client dry run', args: ['apply', '-f', 'x.yaml', '--server-side', '--dry-run=client'] },
  { name: 'apply prune without selector', args: ['apply', '-f', 'x.yaml', '--prune'] },
  { name: 'apply bad dry-run', args: ['apply', '-f', 'x.yaml', '--dry-run=maybe'] },
  { name: 'diff without -f', args: ['diff'] },
  { name: 'diff unexpected args', args: ['diff', 'pods'] },
  { name: 'run without name', args: ['run', '--image=nginx'] },
  { name: 'run without image', args: ['run', 'x'] },
  { name: 'run bad restart', args: ['run', 'x', '--image=nginx', '--restart=Sometimes'] },
  { name: 'run rm without attach', args: ['run', 'x', '--image=nginx', '--rm'] },
  { name: 'run tty without stdin', args: ['run', 'x', '--image=nginx', '-t'] },
  { name: 'run expose without port', args: ['run', 'x', '--image=nginx', '--expose'] },
  { name: 'run attach with dry run', args: ['run', 'x', '--image=nginx', '-i', '--dry-run=client'] },
  { name: 'run bad pull policy', args: ['run', 'x', '--image=nginx', '--image-pull-policy=Sometimes'] },
];

describe.skipIf(!HAVE_REAL_KUBECTL)('verb errors before the server match kubectl v1.32', () => {
  it.each(cases)('$name', async ({ args }) => {
    const real = runReal(args);
    expect(await runOurs(args)).toEqual(real);
  });
});
