// kubectl explain. Models k8s.io/kubectl/pkg/cmd/explain/explain.go (one RESOURCE[.FIELD…] argument,
// --api-version, --recursive, -o plaintext) with pkg/explain SplitAndParseResourceRequestWithMatchingPrefix and
// the v2 (OpenAPI v3) plaintext renderer over the server's group/version document.
import { parseApiVersion, resourceFor } from '../../engine/api';
import { loadSchemaDocs, schemaDocsLoaded } from '../../engine/api/schema';
import type { Command, CmdContext } from '../command';
import type { ParsedArgs } from '../flags';
import { flagsFor } from '../help/flag-defs';
import { CmdError } from '../errors';
import { JSONPathParser, JSONPathParseError } from '../printers';
import { mappingFor } from './get-builder';

/** `kubectl explain`. */
export const explainCommand: Command = {
  name: 'explain',
  short: 'Get documentation for a resource',
  flags: flagsFor('explain'),
  run: runExplain,
};

// jsonPathParse("{." + in + "}"): the field names of "pods.spec.containers".
function fieldNodes(input: string): string[] {
  let p: JSONPathParser;
  try {
    p = JSONPathParser.parse(`{.${input.replace(/\.$/, '')}}`);
  } catch (e) {
    if (e instanceof JSONPathParseError) throw new CmdError(`error: ${e.message}`);
    throw e;
  }
  if (p.root.nodes.length !== 1) throw new CmdError('error: must pass in 1 jsonpath string');
  const nodes = (p.root.nodes[0] as { nodes: { type: string; value?: string }[] }).nodes;
  if (!nodes.length || nodes[0].type !== 'field') throw new CmdError('error: invalid jsonpath syntax, first node must be field node');
  return nodes.map((n) => {
    if (n.type !== 'field') throw new CmdError('error: invalid jsonpath syntax, all nodes must be field nodes');
    return n.value!;
  });
}

async function runExplain(p: ParsedArgs, ctx: CmdContext): Promise<number> {
  if (p.args.length === 0) {
    throw new CmdError('error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n');
  }
  if (p.args.length > 1) throw new CmdError('error: We accept only this format: explain RESOURCE\n');
  const output = p.flags.output as string;
  const input = p.args[0];
  const [resource, ...fields] = fieldNodes(input);
  let m;
  try {
    m = mappingFor(resource);
  } catch (e) {
    // The mapper's NoResourceMatchError, which CheckErr prints without "error: ".
    if (e instanceof CmdError) throw new CmdError(e.message.replace(/^error: /, ''));
    throw e;
  }
  let fieldPath = fields;
  const apiVersion = p.flags['api-version'] as string;
  if (!apiVersion) {
    // WithMatchingPrefix: "deployments.apps.spec" names the group too.
    const gr = m.group ? `${m.resource}.${m.group}` : m.resource;
    if (input.startsWith(gr) && m.group) {
      const suffix = input.slice(gr.length);
      fieldPath = suffix ? fieldNodes(`x${suffix}`).slice(1) : [];
    }
  }
  let group = m.group;
  let version = m.version;
  if (apiVersion) ({ group, version } = parseApiVersion(apiVersion));
  if (output !== 'plaintext' && output !== 'plaintext-openapiv2') throw new CmdError(`error: unrecognized format: ${output}`);
  // The documents carry the schema's descriptions, and the renderer is only explain's: in the built worker
  // both are chunks fetched on first use.
  if (!schemaDocsLoaded()) await loadSchemaDocs();
  const { ExplainError, openApiV3Document, renderExplain } = await import('../explain');
  const doc = openApiV3Document(group, version);
  if (!doc || !resourceFor(group, m.resource)) {
    throw new CmdError(`error: couldn't find resource for "${group ? `${group}/${version}` : version}, Resource=${m.resource}"`);
  }
  try {
    ctx.out(renderExplain(doc, { group, version, resource: m.resource }, fieldPath, p.flags.recursive as boolean));
  } catch (e) {
    if (e instanceof ExplainError) {
      ctx.out(e.partial);
      throw new CmdError(e.message);
    }
    throw e;
  }
  return 0;
}
