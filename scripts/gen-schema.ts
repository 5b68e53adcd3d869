// Generates src/engine/api/schema/k8s-schema.generated.ts from the kubernetes-types package (.d.ts
// generated from the Kubernetes OpenAPI). Run: npx tsx scripts/gen-schema.ts
//
// The .d.ts carries every definition, field, required flag and description. What it lacks (int64 vs
// int32, Go type names, byte slices, patch strategies, list types, fields added after the package's
// Kubernetes version) lives in the hand-kept tables beside the generated file (go-*.ts, patch-facts.ts,
// v1-32-*.ts) and is merged at load time by model.ts,
// so this output stays a pure function of the package.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { RESOURCES, apiVersionOf } from '../src/engine/api/kinds';
import { F_READONLY, F_REQUIRED } from '../src/engine/api/schema/raw';
import type { RawDef, RawField } from '../src/engine/api/schema/raw';

const ROOT = join(import.meta.dirname, '..');
const PKG = join(ROOT, 'node_modules/kubernetes-types');
const OUT = join(ROOT, 'src/engine/api/schema/k8s-schema.generated.ts');

// Definitions every API server answer can carry besides the served kinds.
const EXTRA_ROOTS = ['meta.v1.Status', 'meta.v1.DeleteOptions', 'meta.v1.WatchEvent', 'meta.v1.APIResourceList',
  'meta.v1.APIGroupList', 'meta.v1.APIVersions', 'autoscaling.v1.Scale', 'policy.v1.Eviction',
  'authentication.v1.TokenRequest', 'core.v1.Binding'];

// Aliases the schema treats as special scalars (see raw.ts TypeRef).
const SPECIAL: Record<string, string> = {
  'api.resource.Quantity': 'q', 'meta.v1.Time': 't', 'meta.v1.MicroTime': 'mt', 'runtime.RawExtension': 'raw',
  'meta.v1.FieldsV1': 'any', 'meta.v1.Patch': 'any',
};

function dtsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? dtsFiles(p) : n.endsWith('.d.ts') ? [p] : [];
  });
}

/** "core/v1.d.ts" → "core.v1"; "api/resource.d.ts" → "api.resource"; "runtime.d.ts" → "runtime". */
function moduleId(file: string): string {
  return relative(PKG, file).replace(/\.d\.ts$/, '').split('/').join('.');
}

const files = dtsFiles(PKG);
const program = ts.createProgram(files, { noEmit: true, skipLibCheck: true });
const checker = program.getTypeChecker();

interface Decl { key: string; node: ts.InterfaceDeclaration; description: string }
const decls = new Map<string, Decl>();

function docOf(node: ts.Node): string {
  const sym = (node as { symbol?: ts.Symbol }).symbol ?? checker.getSymbolAtLocation((node as ts.NamedDeclaration).name!);
  return sym ? ts.displayPartsToString(sym.getDocumentationComment(checker)).trim() : '';
}

for (const sf of program.getSourceFiles()) {
  if (!sf.fileName.startsWith(PKG)) continue;
  const mod = moduleId(sf.fileName);
  for (const st of sf.statements) {
    if (ts.isInterfaceDeclaration(st)) {
      const key = `${mod}.${st.name.text}`;
      decls.set(key, { key, node: st, description: docOf(st) });
    }
  }
}

/** The schema key of the declaration a type reference points at. */
function keyOfReference(ref: ts.TypeReferenceNode): string {
  let sym = checker.getSymbolAtLocation(ref.typeName);
  if (sym && sym.flags & ts.SymbolFlags.Alias) sym = checker.getAliasedSymbol(sym);
  const decl = sym?.declarations?.[0];
  if (!decl) throw new Error(`unresolved type ${ref.getText()}`);
  return `${moduleId(decl.getSourceFile().fileName)}.${sym!.name}`;
}

function encode(t: ts.TypeNode, where: string): { type: string; enumValues?: string[] } {
  switch (t.kind) {
    case ts.SyntaxKind.StringKeyword: return { type: 's' };
    case ts.SyntaxKind.NumberKeyword: return { type: 'n' };
    case ts.SyntaxKind.BooleanKeyword: return { type: 'b' };
    case ts.SyntaxKind.AnyKeyword: case ts.SyntaxKind.UnknownKeyword: return { type: 'any' };
  }
  if (ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal)) return { type: 's', enumValues: [t.literal.text] };
  if (ts.isUnionTypeNode(t)) {
    const kinds = t.types.map((x) => x.kind).sort();
    if (kinds.length === 2 && kinds.includes(ts.SyntaxKind.NumberKeyword) && kinds.includes(ts.SyntaxKind.StringKeyword)) {
      return { type: 'ios' };
    }
    if (t.types.every((x) => ts.isLiteralTypeNode(x) && ts.isStringLiteral(x.literal))) {
      return { type: 's', enumValues: t.types.map((x) => ((x as ts.LiteralTypeNode).literal as ts.StringLiteral).text) };
    }
    return { type: 'any' };
  }
  if (ts.isArrayTypeNode(t)) return { type: `[]${encode(t.elementType, where).type}` };
  if (ts.isTypeReferenceNode(t)) {
    if (ts.isIdentifier(t.typeName) && t.typeName.text === 'Array' && t.typeArguments?.length === 1) {
      return { type: `[]${encode(t.typeArguments[0], where).type}` };
    }
    const key = keyOfReference(t);
    if (SPECIAL[key]) return { type: SPECIAL[key] };
    if (!decls.has(key)) return { type: 'any' };
    return { type: key };
  }
  if (ts.isTypeLiteralNode(t)) {
    const idx = t.members.find(ts.isIndexSignatureDeclaration);
    if (idx && t.members.length === 1) return { type: `{}${encode(idx.type, where).type}` };
    return { type: 'any' };
  }
  throw new Error(`${where}: unsupported type node ${ts.SyntaxKind[t.kind]}`);
}

const out = new Map<string, RawDef>();
const queue: string[] = [];
const want = (key: string) => {
  const base = key.replace(/^(\[\]|\{\})+/, '');
  if (decls.has(base) && !out.has(base) && !queue.includes(base)) queue.push(base);
};

/** GVK of every definition whose apiVersion/kind fields are literals: "apps/v1/Deployment" → key. */
const byGVK = new Map<string, string>();
for (const d of decls.values()) {
  const lit = (n: string) => {
    const m = d.node.members.find((x) => ts.isPropertySignature(x) && x.name.getText() === n) as ts.PropertySignature | undefined;
    return m?.type && ts.isLiteralTypeNode(m.type) && ts.isStringLiteral(m.type.literal) ? m.type.literal.text : undefined;
  };
  const av = lit('apiVersion');
  const k = lit('kind');
  if (av && k) byGVK.set(`${av}/${k}`, d.key);
}

for (const r of RESOURCES) {
  for (const kind of [r.kind, `${r.kind}List`]) {
    const key = byGVK.get(`${apiVersionOf(r)}/${kind}`);
    if (key) want(key);
    else if (kind === r.kind) console.warn(`no definition for ${apiVersionOf(r)} ${kind}`);
  }
}
for (const k of EXTRA_ROOTS) want(k);

while (queue.length) {
  const key = queue.shift()!;
  const d = decls.get(key)!;
  const fields: Record<string, RawField> = {};
  for (const m of d.node.members) {
    if (!ts.isPropertySignature(m) || !m.type) continue;
    const name = m.name.getText().replace(/^"|"$/g, '');
    const { type, enumValues } = encode(m.type, `${key}.${name}`);
    want(type);
    let flags = 0;
    if (!m.questionToken) flags |= F_REQUIRED;
    if (m.modifiers?.some((x) => x.kind === ts.SyntaxKind.ReadonlyKeyword)) flags |= F_READONLY;
    const f: RawField = [type, docOf(m)];
    if (flags || enumValues) f.push(flags);
    if (enumValues) f.push(enumValues);
    fields[name] = f;
  }
  out.set(key, [d.description, fields]);
}

// Descriptions of the special scalars (explain prints them under a field's own description).
const aliasDoc = (file: string, name: string) => {
  const sf = program.getSourceFile(join(PKG, file))!;
  const st = sf.statements.find((x) => (ts.isTypeAliasDeclaration(x) || ts.isInterfaceDeclaration(x)) && x.name.text === name)!;
  return docOf(st);
};
const specialDocs: Record<string, string> = {
  q: aliasDoc('api/resource.d.ts', 'Quantity'), t: aliasDoc('meta/v1.d.ts', 'Time'), mt: aliasDoc('meta/v1.d.ts', 'MicroTime'),
  raw: aliasDoc('runtime.d.ts', 'RawExtension'), any: aliasDoc('meta/v1.d.ts', 'FieldsV1'),
};

const keys = [...out.keys()].sort();
const gvks = [...byGVK.entries()].filter(([, k]) => out.has(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
const version = JSON.parse(readFileSync(join(PKG, 'package.json'), 'utf8')).version as string;
const lines = [
  `// Generated by scripts/gen-schema.ts from kubernetes-types ${version} (the Kubernetes OpenAPI as .d.ts). Do not edit.`,
  '// What the .d.ts lacks (Go types, enums, zero values, field order, patch facts, v1.32 changes) is in the',
  '// hand-kept go-*.ts, patch-facts.ts and v1-32-*.ts beside this file, merged by model.ts.',
  "import type { RawDef } from './raw';",
  '',
  '/** The kubernetes-types version this schema was generated from. */',
  `export const SCHEMA_SOURCE = ${JSON.stringify(`kubernetes-types@${version}`)};`,
  '',
  '/** "apiVersion/Kind" → definition key, for every top-level kind in DEFS. */',
  'export const KIND_DEFS: Record<string, string> = {',
  ...gvks.map(([g, k]) => `  ${JSON.stringify(g)}: ${JSON.stringify(k)},`),
  '};',
  '',
  '/** Descriptions of the special scalar types, by TypeRef (see raw.ts). */',
  'export const SPECIAL_DOCS: Record<string, string> = {',
  ...Object.entries(specialDocs).map(([k, d]) => `  ${k}: ${JSON.stringify(d)},`),
  '};',
  '',
  '/** Every definition reachable from a served kind, by key ("core.v1.Pod"). */',
  'export const DEFS: Record<string, RawDef> = {',
  ...keys.map((k) => `  ${JSON.stringify(k)}: ${JSON.stringify(out.get(k))},`),
  '};',
  '',
];
writeFileSync(OUT, lines.join('\n'));
console.log(`wrote ${relative(ROOT, OUT)}: ${keys.length} definitions, ${gvks.length} kinds`);
