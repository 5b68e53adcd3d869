// kubectl get. Models k8s.io/kubectl/pkg/cmd/get/get.go: server-side Tables for human output,
// objects for -o yaml/json/name.
import type { KubeObject, Table, KubeList } from '../../engine/api/types';
import type { ResourceInfo } from '../../engine/api/kinds';
import { apiVersionOf } from '../../engine/api/kinds';
import { StatusError } from '../../engine/api/errors';
import type { Command, CmdContext } from '../command';
import type { ParsedArgs } from '../flags';
import { CmdError, ExitError, formatError } from '../errors';
import { parseTypeArgs, infosFromFiles, type Info } from '../resource/builder';
import { printTable } from '../printers/table';
import { toJson, toYaml } from '../printers/yaml';
import { target, kindPrefix } from '../request-util';

export const getCommand: Command = {
  name: 'get',
  short: 'Display one or many resources',
  flags: [
    { name: 'output', short: 'o', type: 'string', default: '' },
    { name: 'selector', short: 'l', type: 'string', default: '' },
    { name: 'field-selector', type: 'string', default: '' },
    { name: 'all-namespaces', short: 'A', type: 'bool', default: false },
    { name: 'show-labels', type: 'bool', default: false },
    { name: 'label-columns', short: 'L', type: 'stringSlice', default: [] },
    { name: 'no-headers', type: 'bool', default: false },
    { name: 'watch', short: 'w', type: 'bool', default: false },
    { name: 'watch-only', type: 'bool', default: false },
    { name: 'filename', short: 'f', type: 'stringSlice', default: [] },
    { name: 'recursive', short: 'R', type: 'bool', default: false },
    { name: 'ignore-not-found', type: 'bool', default: false },
    { name: 'chunk-size', type: 'int', default: 500 },
    { name: 'sort-by', type: 'string', default: '' },
    { name: 'show-kind', type: 'bool', default: false },
    { name: 'output-watch-events', type: 'bool', default: false },
    { name: 'show-managed-fields', type: 'bool', default: false },
    { name: 'allow-missing-template-keys', type: 'bool', default: true },
    { name: 'template', type: 'string', default: '' },
    { name: 'raw', type: 'string', default: '' },
    { name: 'subresource', type: 'string', default: '' },
    { name: 'server-print', type: 'bool', default: true },
    { name: 'kustomize', short: 'k', type: 'string', default: '' },
  ],
  run: runGet,
};

/** A request group: one resource type with names (or none: a list). */
interface Group {
  info: ResourceInfo;
  names: string[];
}

function groupsFrom(p: ParsedArgs, ctx: CmdContext): Group[] {
  const files = p.flags.filename as string[];
  if (files.length) {
    const infos: Info[] = infosFromFiles(ctx.env.fs, files, p.flags.recursive as boolean, ctx.io.stdin, ctx.namespace, ctx.namespaceExplicit);
    return infos.map((i) => ({ info: i.info, names: [i.name] }));
  }
  if (p.args.length === 0) {
    throw new CmdError(`You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl get -h' for help and examples`);
  }
  const parsed = parseTypeArgs(p.args);
  if ('pairs' in parsed) return parsed.pairs.map((x) => ({ info: x.info, names: [x.name] }));
  return parsed.types.map((info) => ({ info, names: parsed.names }));
}

function stripManaged(o: KubeObject, show: boolean): KubeObject {
  if (show || !o.metadata?.managedFields) return o;
  const { managedFields: _m, ...meta } = o.metadata;
  return { ...o, metadata: meta };
}

async function runGet(p: ParsedArgs, ctx: CmdContext): Promise<number> {
  const output = p.flags.output as string;
  const allNs = p.flags['all-namespaces'] as boolean;
  const groups = groupsFrom(p, ctx);
  const multiKind = groups.length > 1 || (p.flags['show-kind'] as boolean);
  const query: Record<string, string> = {};
  if (p.flags.selector) query.labelSelector = p.flags.selector as string;
  if (p.flags['field-selector']) query.fieldSelector = p.flags['field-selector'] as string;
  const human = output === '' || output === 'wide';
  const errors: unknown[] = [];
  const objects: KubeObject[] = [];
  let printedTables = 0;
  let anything = false;
  for (const g of groups) {
    const ns = allNs ? undefined : ctx.namespace;
    if (g.names.length === 0) {
      if (human) {
        const table = await ctx.call<Table>({ verb: 'list', ...target(g.info, ns), query: { ...query, limit: '500' }, asTable: true });
        if (table.rows.length === 0) continue;
        anything = true;
        if (printedTables++ > 0) ctx.out('\n');
        ctx.out(printTable(table, { wide: output === 'wide', noHeaders: p.flags['no-headers'] as boolean,
          showLabels: p.flags['show-labels'] as boolean, labelColumns: p.flags['label-columns'] as string[],
          withNamespace: allNs && g.info.namespaced, kindPrefix: multiKind ? kindPrefix(g.info) : undefined }));
      } else {
        const list = await ctx.call<KubeList>({ verb: 'list', ...target(g.info, ns), query });
        for (const it of list.items) objects.push({ apiVersion: apiVersionOf(g.info), kind: g.info.kind, ...it });
        if (list.items.length) anything = true;
      }
      continue;
    }
    const tables: Table[] = [];
    for (const name of g.names) {
      try {
        if (human) tables.push(await ctx.call<Table>({ verb: 'get', ...target(g.info, ctx.namespace, name), asTable: true }));
        else objects.push(await ctx.call<KubeObject>({ verb: 'get', ...target(g.info, ctx.namespace, name) }));
        anything = true;
      } catch (e) {
        if (e instanceof StatusError && e.reason === 'NotFound' && p.flags['ignore-not-found']) continue;
        errors.push(e);
      }
    }
    if (human && tables.length) {
      const merged: Table = { ...tables[0], rows: tables.flatMap((t) => t.rows) };
      if (printedTables++ > 0) ctx.out('\n');
      ctx.out(printTable(merged, { wide: output === 'wide', noHeaders: p.flags['no-headers'] as boolean,
        showLabels: p.flags['show-labels'] as boolean, labelColumns: p.flags['label-columns'] as string[],
        kindPrefix: multiKind ? kindPrefix(g.info) : undefined }));
    }
  }
  if (!human) printObjects(ctx, output, objects.map((o) => stripManaged(o, p.flags['show-managed-fields'] as boolean)), groups);
  if (!anything && errors.length === 0 && groups.every((g) => g.names.length === 0)) {
    ctx.err(allNs ? 'No resources found\n' : `No resources found in ${ctx.namespace} namespace.\n`);
  }
  for (const e of errors) ctx.err(`${formatError(e).text}\n`);
  if (errors.length) throw new ExitError(1);
  return 0;
}

function printObjects(ctx: CmdContext, output: string, objects: KubeObject[], groups: Group[]): void {
  const single = objects.length === 1 && groups.length === 1 && groups[0].names.length === 1;
  if (output === 'name') {
    for (const o of objects) {
      const g = groups.find((x) => x.info.kind === o.kind) ?? groups[0];
      ctx.out(`${kindPrefix(g.info)}/${o.metadata?.name}\n`);
    }
    return;
  }
  const doc = single ? objects[0] : { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } };
  if (output === 'yaml') ctx.out(toYaml(doc));
  else if (output === 'json') ctx.out(toJson(doc));
  else throw new CmdError(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml`);
}
