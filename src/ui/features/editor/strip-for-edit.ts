// An object as `kubectl get -o yaml` prints it, made into a manifest to edit and apply again: the
// server's bookkeeping (status, managedFields, resourceVersion, uid, creationTimestamp, generation)
// and kubectl's last-applied annotation go, the way one trims `kubectl get -o yaml` output by hand.
// Dropping resourceVersion matters: applying a stale one would fail with a conflict.

const DROP_TOP = new Set(['status']);
const DROP_META = new Set(['managedFields', 'resourceVersion', 'uid', 'creationTimestamp', 'generation', 'selfLink']);
const DROP_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);

const indentOf = (l: string) => l.length - l.trimStart().length;
const keyOf = (l: string) => /^\s*("[^"]*"|'[^']*'|[^\s:#][^:#]*?):(\s|$)/.exec(l)?.[1].replace(/^["']|["']$/g, '');

/** The index after the block that starts at `at` (the key's line and everything nested under it). */
function blockEnd(lines: string[], at: number): number {
  const ind = indentOf(lines[at]);
  let i = at + 1;
  // Nested lines are deeper; a sequence may sit at the key's indent ("containers:\n- name").
  while (i < lines.length && (lines[i].trim() === '' || indentOf(lines[i]) > ind || (indentOf(lines[i]) === ind && lines[i].trimStart().startsWith('- ')))) i++;
  return i;
}

/** Removes the children of the block at `at` whose keys are in `drop`; returns the new lines. */
function dropChildren(lines: string[], at: number, drop: ReadonlySet<string>): string[] {
  const end = blockEnd(lines, at);
  const out = lines.slice(0, at + 1);
  const childIndent = at + 1 < end ? indentOf(lines[at + 1]) : 0;
  for (let i = at + 1; i < end;) {
    const next = blockEnd(lines, i);
    if (!(indentOf(lines[i]) === childIndent && drop.has(keyOf(lines[i]) ?? ''))) out.push(...lines.slice(i, next));
    i = next;
  }
  return [...out, ...lines.slice(end)];
}

/** The manifest to edit. */
export function stripForEdit(yaml: string): string {
  let lines = yaml.replace(/\n$/, '').split('\n');
  // Top level.
  const top: string[] = [];
  for (let i = 0; i < lines.length;) {
    const next = indentOf(lines[i]) === 0 && keyOf(lines[i]) ? blockEnd(lines, i) : i + 1;
    if (!(indentOf(lines[i]) === 0 && DROP_TOP.has(keyOf(lines[i]) ?? ''))) top.push(...lines.slice(i, next));
    i = next;
  }
  lines = top;
  const meta = lines.findIndex((l) => l === 'metadata:');
  if (meta >= 0) {
    lines = dropChildren(lines, meta, DROP_META);
    const ann = lines.findIndex((l, i) => i > meta && indentOf(l) === 2 && keyOf(l) === 'annotations');
    if (ann >= 0) {
      lines = dropChildren(lines, ann, DROP_ANNOTATIONS);
      if (blockEnd(lines, ann) === ann + 1) lines.splice(ann, 1);
    }
  }
  return `${lines.join('\n')}\n`;
}
