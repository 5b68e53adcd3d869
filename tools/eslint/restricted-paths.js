// A local stand-in for import-x/no-restricted-paths: the repo imports only by relative path (no tsconfig
// aliases), so resolving a specifier is path.resolve. Kept local because the resolver the plugin needs ships
// per-platform native bindings, and a lock file made on one platform then fails `npm ci` on another.
// Options: { zones: [{ target, from, except?, message? }] }, paths relative to the working directory, as
// import-x takes them. An import from a file under `target` that resolves under `from` is reported, unless
// it resolves under one of `from`'s `except` folders (relative to that `from`).
import path from 'node:path';

const asList = (v) => (Array.isArray(v) ? v : [v]);
const under = (file, root) => {
  const f = file.replace(/\.(ts|tsx|js|mjs)$/, '');
  const r = root.replace(/\.(ts|tsx|js|mjs)$/, '');
  return f === r || f.startsWith(r + path.sep);
};

export default {
  meta: { type: 'problem', schema: [{ type: 'object' }], messages: { restricted: '{{message}}' } },
  create(context) {
    const cwd = context.cwd ?? process.cwd();
    const zones = (context.options[0]?.zones ?? []).map((z) => ({
      targets: asList(z.target).map((t) => path.resolve(cwd, t)),
      froms: asList(z.from).map((f) => path.resolve(cwd, f)),
      except: asList(z.except ?? []),
      message: z.message ?? 'Restricted import.',
    }));
    const file = context.filename;
    const active = zones.filter((z) => z.targets.some((t) => under(file, t)));
    if (active.length === 0) return {};
    const check = (node, source) => {
      if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const resolved = path.resolve(path.dirname(file), source.value);
      for (const z of active) {
        for (const from of z.froms) {
          if (!under(resolved, from)) continue;
          if (z.except.some((e) => under(resolved, path.resolve(from, e)))) continue;
          context.report({ node: source, messageId: 'restricted', data: { message: z.message } });
          return;
        }
      }
    };
    return {
      ImportDeclaration: (n) => check(n, n.source),
      ExportNamedDeclaration: (n) => check(n, n.source),
      ExportAllDeclaration: (n) => check(n, n.source),
      ImportExpression: (n) => check(n, n.source),
    };
  },
};
