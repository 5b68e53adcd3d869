// Generates src/server/proto-schema.generated.ts: the protobuf field numbers of the built-in API types,
// so `kubesim serve` can read the protobuf request bodies the real kubectl's typed clients send
// (Content-Type: application/vnd.kubernetes.protobuf — `kubectl create deployment`, `auth can-i`, drain's
// evictions, `create token`…).
//
// Inputs (git mirrors of the upstream repositories, tag v0.32.5): k8s.io/api <group>/<version>/generated.proto
// and types.go, k8s.io/apimachinery pkg/apis/meta/v1, pkg/runtime, pkg/util/intstr, pkg/api/resource.
// From generated.proto: messages, field numbers, scalar/message/map types. From types.go (the protobuf
// struct tags): which fields are pointers (present only when set), omitempty, and `json:",inline"` embeds.
//
// Usage: npx tsx scripts/gen-proto-schema.ts [API_REPO] [APIMACHINERY_REPO]
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const TAG = 'v0.32.5';
const API = process.argv[2] ?? '/work/.mirror/kubernetes+api/repo';
const APIMACHINERY = process.argv[3] ?? '/work/.mirror/kubernetes+apimachinery/repo';
const OUT = new URL('../src/server/proto-schema.generated.ts', import.meta.url);

const API_VERSIONS = ['core/v1', 'apps/v1', 'authentication/v1', 'authorization/v1', 'autoscaling/v1', 'autoscaling/v2',
  'batch/v1', 'certificates/v1', 'coordination/v1', 'discovery/v1', 'events/v1', 'flowcontrol/v1', 'networking/v1',
  'node/v1', 'policy/v1', 'rbac/v1', 'scheduling/v1', 'storage/v1', 'admissionregistration/v1'];
const MACHINERY = ['pkg/apis/meta/v1', 'pkg/runtime', 'pkg/util/intstr', 'pkg/api/resource'];

function show(repo: string, path: string): string {
  return execFileSync('git', ['-C', repo, 'show', `${TAG}:${path}`], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

/** "k8s.io.api.apps.v1" → "apps.v1"; "k8s.io.apimachinery.pkg.apis.meta.v1" → "meta.v1"; runtime, intstr, resource. */
function shortPackage(pkg: string): string {
  if (pkg.startsWith('k8s.io.api.')) return pkg.slice('k8s.io.api.'.length);
  if (pkg === 'k8s.io.apimachinery.pkg.apis.meta.v1') return 'meta.v1';
  return pkg.split('.').pop() ?? pkg;
}

type FieldRow = [num: number, name: string, type: string, flags: string];
const messages: Record<string, FieldRow[]> = {};

interface GoField { json: string; pointer: boolean; omitempty: boolean; inline: boolean }

/** Per Go struct name, per protobuf field number: what the struct tag says. */
function goFields(src: string): Map<string, Map<number, GoField>> {
  const out = new Map<string, Map<number, GoField>>();
  let cur: Map<number, GoField> | undefined;
  for (const line of src.split('\n')) {
    const start = /^type (\w+) struct \{/.exec(line);
    if (start) { cur = new Map(); out.set(start[1], cur); continue; }
    if (/^\}/.test(line)) { cur = undefined; continue; }
    if (!cur) continue;
    const m = /^\s+(?:\w+\s+)?(\S+)\s+`(.*)`/.exec(line);
    if (!m) continue;
    const tags = m[2];
    const pb = /protobuf:"[a-z0-9]+,(\d+),/.exec(tags);
    if (!pb) continue;
    const js = /json:"([^"]*)"/.exec(tags)?.[1] ?? '';
    const [jname, ...opts] = js.split(',');
    cur.set(Number(pb[1]), { json: jname, pointer: m[1].startsWith('*'), omitempty: opts.includes('omitempty'), inline: opts.includes('inline') });
  }
  return out;
}

function parseProto(proto: string, goSrc: string): void {
  const pkg = shortPackage(/^package ([\w.]+);/m.exec(proto)![1]);
  const go = goFields(goSrc);
  let name = '';
  let rows: FieldRow[] = [];
  let depth = 0;
  for (const raw of proto.split('\n')) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (!line) continue;
    const msg = /^message (\w+) \{/.exec(line);
    if (msg) {
      depth++;
      if (depth === 1) { name = msg[1]; rows = []; }
      continue;
    }
    if (line === '}') {
      depth--;
      if (depth === 0 && name) { messages[`${pkg}.${name}`] = rows; name = ''; }
      continue;
    }
    if (depth !== 1) continue;
    const f = /^(optional|repeated|required)?\s*(map<\s*([\w.]+)\s*,\s*([\w.]+)\s*>|[\w.]+)\s+(\w+)\s*=\s*(\d+)/.exec(line);
    if (!f) continue;
    const num = Number(f[6]);
    const gf = go.get(name)?.get(num);
    const typeOf = (t: string) => {
      if (['string', 'int32', 'int64', 'bool', 'bytes', 'double', 'float', 'uint32', 'uint64'].includes(t)) return t;
      if (t.startsWith('.')) {
        const parts = t.slice(1).split('.');
        const n = parts.pop()!;
        return `${shortPackage(parts.join('.'))}.${n}`;
      }
      return `${pkg}.${t}`;
    };
    let type: string;
    let flags = '';
    if (f[3]) type = `map<${typeOf(f[3])},${typeOf(f[4])}>`;
    else {
      type = typeOf(f[2]);
      if (f[1] === 'repeated') flags += 'r';
    }
    if (gf?.pointer) flags += 'p';
    if (gf?.omitempty) flags += 'o';
    if (gf?.inline) flags += 'i';
    rows.push([num, gf && !gf.inline && gf.json ? gf.json : f[5], type, flags]);
  }
}

for (const gv of API_VERSIONS) {
  parseProto(show(API, `${gv}/generated.proto`), show(API, `${gv}/types.go`));
}
for (const p of MACHINERY) {
  const files = execFileSync('git', ['-C', APIMACHINERY, 'ls-tree', '--name-only', `${TAG}:${p}`], { encoding: 'utf8' })
    .split('\n').filter((f) => f.endsWith('.go') && !f.endsWith('_test.go'));
  parseProto(show(APIMACHINERY, `${p}/generated.proto`), files.map((f) => show(APIMACHINERY, `${p}/${f}`)).join('\n'));
}

const lines = Object.keys(messages).sort().map((k) =>
  `  '${k}': '${messages[k].map(([n, name, t, fl]) => `${n} ${name} ${t}${fl ? ` ${fl}` : ''}`).join('|')}',`);
writeFileSync(OUT, `// GENERATED by scripts/gen-proto-schema.ts from k8s.io/api and k8s.io/apimachinery ${TAG}
// (generated.proto field numbers; types.go struct tags for pointers, omitempty and inline embeds). Do not edit.
//
// Per message ("<group>.<version>.<Name>", "meta.v1.<Name>", "runtime.<Name>", "intstr.<Name>",
// "resource.<Name>"): fields separated by "|", each "<number> <json name> <type> [flags]"; type is a proto
// scalar, a message key or map<K,V>; flags: r repeated, p pointer, o omitempty, i inline (json:",inline").
export const PROTO_MESSAGES: Record<string, string> = {
${lines.join('\n')}
};
`);
console.log(`${Object.keys(messages).length} messages → ${OUT.pathname}`);
