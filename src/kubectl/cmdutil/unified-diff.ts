// `diff -u -N` between two texts, as GNU diffutils prints it for kubectl diff: a Myers shortest edit
// script (deletions before insertions in a change), hunks with 3 lines of context merged when their
// contexts touch, "@@ -l,s +l,s @@" headers (",1" left out, an empty side as "l,0").

type Op = { kind: ' ' | '-' | '+'; line: string };

function split(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

// Myers' O(ND) greedy algorithm with a trace for the backtrack.
function editScript(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const v = new Map<number, number>([[1, 0]]);
  const trace: Map<number, number>[] = [];
  let done = false;
  for (let d = 0; d <= max && !done; d++) {
    trace.push(new Map(v));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && (v.get(k - 1) ?? -1) < (v.get(k + 1) ?? -1)) ? (v.get(k + 1) ?? 0) : (v.get(k - 1) ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) { x++; y++; }
      v.set(k, x);
      if (x >= n && y >= m) { done = true; break; }
    }
  }
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0 && (x > 0 || y > 0); d--) {
    const tv = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && (tv.get(k - 1) ?? -1) < (tv.get(k + 1) ?? -1)) ? k + 1 : k - 1;
    const prevX = tv.get(prevK) ?? 0;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) { ops.push({ kind: ' ', line: a[x - 1] }); x--; y--; }
    if (d === 0) break;
    if (x === prevX) ops.push({ kind: '+', line: b[y - 1] });
    else ops.push({ kind: '-', line: a[x - 1] });
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) { ops.push({ kind: ' ', line: a[x - 1] }); x--; y--; }
  return ops.reverse();
}

const range = (start: number, count: number) => (count === 1 ? `${start}` : `${count === 0 ? start - 1 : start},${count}`);

/** The hunks of `diff -u` (without the ---/+++ header); '' when the texts are equal. */
export function unifiedHunks(oldText: string, newText: string, context = 3): string {
  const ops = editScript(split(oldText), split(newText));
  const changes = ops.map((o, i) => (o.kind !== ' ' ? i : -1)).filter((i) => i >= 0);
  if (!changes.length) return '';
  // Group change indices whose context windows overlap or touch.
  const groups: [number, number][] = [];
  for (const c of changes) {
    const last = groups[groups.length - 1];
    if (last && c - last[1] <= 2 * context + 1) last[1] = c;
    else groups.push([c, c]);
  }
  let out = '';
  for (const [first, lastIdx] of groups) {
    const from = Math.max(0, first - context);
    const to = Math.min(ops.length - 1, lastIdx + context);
    let oldStart = 1;
    let newStart = 1;
    for (let i = 0; i < from; i++) {
      if (ops[i].kind !== '+') oldStart++;
      if (ops[i].kind !== '-') newStart++;
    }
    let oldCount = 0;
    let newCount = 0;
    let body = '';
    for (let i = from; i <= to; i++) {
      const o = ops[i];
      if (o.kind !== '+') oldCount++;
      if (o.kind !== '-') newCount++;
      body += `${o.kind}${o.line}\n`;
    }
    out += `@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@\n${body}`;
  }
  return out;
}
