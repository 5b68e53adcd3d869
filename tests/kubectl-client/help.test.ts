// Help texts: ours must be the real kubectl v1.32's, byte for byte (they are captured from it; this
// catches a stale capture and a broken dispatcher).
import { describe, expect, it } from 'vitest';
import { commandPaths } from '../../src/kubectl/help/help';
import { HAVE_REAL_KUBECTL, runReal } from './real-kubectl';
import { runOurs } from './ours';

const sample = commandPaths().filter((p) => p !== 'options' && p !== 'help');

describe.skipIf(!HAVE_REAL_KUBECTL)('kubectl --help matches kubectl v1.32', () => {
  it.each(sample.map((p) => ({ name: p || '(root)', path: p })))('$name --help', async ({ path }) => {
    const args = [...(path ? path.split(' ') : []), '--help'];
    const real = runReal(args);
    expect(await runOurs(args)).toEqual(real);
  });
  const cases = [
    { name: 'no arguments', args: [] },
    { name: '-h on a subcommand, args after', args: ['create', 'deployment', '-h', 'x'] },
    { name: 'help command', args: ['help', 'rollout', 'status'] },
    { name: 'help of an unknown topic', args: ['help', 'foo', 'bar'] },
    { name: 'help with a partial path', args: ['help', 'create', 'foo'] },
    { name: 'parent without a subcommand', args: ['rollout'] },
    { name: 'parent with an unknown subcommand', args: ['set', 'foo'] },
    { name: 'alias of a subcommand', args: ['create', 'cm', '--help'] },
    { name: 'flags before the subcommand', args: ['-n', 'kube-system', 'create', '--dry-run', 'client', 'deployment', '-h'] },
    { name: 'unknown flag wins over help', args: ['get', '--help', '--foo'] },
    { name: 'required flags', args: ['create', 'cronjob', 'x'] },
    { name: 'kubectl options', args: ['options'] },
  ];
  it.each(cases)('$name', async ({ args }) => {
    expect(await runOurs(args)).toEqual(runReal(args));
  });
});

describe.skipIf(!HAVE_REAL_KUBECTL)('completion, options and plugin match kubectl v1.32', () => {
  const cases = [
    { name: 'completion bash', args: ['completion', 'bash'] },
    { name: 'completion zsh', args: ['completion', 'zsh'] },
    { name: 'completion fish', args: ['completion', 'fish'] },
    { name: 'completion powershell', args: ['completion', 'powershell'] },
    { name: 'completion without a shell', args: ['completion'] },
    { name: 'completion of an unknown shell', args: ['completion', 'foo'] },
    { name: 'completion with two shells', args: ['completion', 'bash', 'zsh'] },
    { name: 'options with an argument', args: ['options', 'foo'] },
    { name: 'plugin', args: ['plugin'] },
    { name: 'plugin list', args: ['plugin', 'list'] },
    { name: 'plugin list --name-only', args: ['plugin', 'list', '--name-only'] },
    { name: 'plugin foo', args: ['plugin', 'foo'] },
  ];
  it.each(cases)('$name', async ({ args }) => {
    expect(await runOurs(args)).toEqual(runReal(args));
  });
});
