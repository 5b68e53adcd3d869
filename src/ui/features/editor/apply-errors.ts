// Turns what `kubectl apply -f <file>` printed into markers on the file: the API server's field
// errors ("The Deployment "web" is invalid: * spec.replicas: …"), strict decoding errors (unknown
// field "spec.replicass"), Go type errors (ContainerPort.spec.containers.ports.containerPort),
// unknown kinds and YAML syntax errors, each at the line of the right document.
import { findDocuments, locatePath, splitDocuments, type YamlDocument } from './yaml-locate';

/** A marker: 1-based line, the message as kubectl printed it. */
export interface ApplyMarker {
  line: number;
  message: string;
}

interface Located {
  kind?: string;
  name?: string;
  path?: string;
  /** Mark the document's `kind:` line (an unknown kind). */
  atKind?: boolean;
  /** An absolute 1-based line (a YAML syntax error). */
  line?: number;
  message: string;
}

// StatusError of reason Invalid, as kubectl prints it: `The <Kind> "<name>" is invalid: <causes>`,
// one cause inline or several as "* " lines (k8s.io/apimachinery/pkg/api/errors NewInvalid).
const INVALID = /^(?:Error from server \(Invalid\): (?:error when \w+ "[^"]*": )?)?(?:The )?([A-Za-z]+)(?:\.[\w.-]+)? "([^"]*)" is invalid: ?(.*)$/;
const STRICT = /error when \w+ "[^"]*": (\w+) in version "[^"]*" cannot be handled as an? \w+: strict decoding error: (.*)$/;
const UNKNOWN_FIELD = /unknown field "([^"]+)"/g;
const DUPLICATE_FIELD = /duplicate field "([^"]+)"/g;
const GO_TYPE = /error when \w+ "[^"]*": (\w+) in version "[^"]*" cannot be handled as an? \w+: json: cannot unmarshal \w+ into Go struct field \w+\.([\w.]+) of type/;
const NO_KIND = /resource mapping not found for name: "([^"]*)" namespace: "[^"]*" from "[^"]*": no matches for kind "([^"]+)"/;
const YAML_LINE = /yaml: line (\d+): (.*)$/;
// A field error's path ends at the first ": " (messages may contain more).
const CAUSE = /^([\w.[\]\-/]+): (.*)$/;

function parse(output: string): Located[] {
  const out: Located[] = [];
  const lines = output.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    let m = INVALID.exec(l);
    if (m) {
      const [, kind, name, inline] = m;
      // In an aggregate (several documents failed) the causes come as the StatusError's own message:
      // one, or several as "[a, b]" (utilerrors.NewAggregate's Error()).
      const text = inline.trim();
      const causes = !text ? [] : text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1).split(/, (?=[\w.[\]\-/]+: )/) : [text];
      while (i + 1 < lines.length && lines[i + 1].startsWith('* ')) causes.push(lines[++i].slice(2));
      for (const c of causes) {
        const cm = CAUSE.exec(c);
        out.push({ kind, name, path: cm?.[1], message: c });
      }
      continue;
    }
    if ((m = STRICT.exec(l))) {
      for (const f of [...m[2].matchAll(UNKNOWN_FIELD), ...m[2].matchAll(DUPLICATE_FIELD)]) {
        out.push({ kind: m[1], path: f[1], message: l.replace(/^Error from server \(\w+\): /, '') });
      }
      continue;
    }
    if ((m = GO_TYPE.exec(l))) {
      out.push({ kind: m[1], path: m[2], message: l.replace(/^Error from server \(\w+\): /, '') });
      continue;
    }
    if ((m = NO_KIND.exec(l))) {
      out.push({ kind: m[2], name: m[1], atKind: true, message: l.replace(/^error: /, '') });
      continue;
    }
    if ((m = YAML_LINE.exec(l))) out.push({ line: Number(m[1]), message: l.replace(/^error: /, '') });
  }
  return out;
}

/** Where a located error goes in a document (0-based line), or its first line. */
function lineIn(doc: YamlDocument, e: Located): number {
  if (e.atKind) return doc.lines.find((l) => l.lead === 0 && l.key === 'kind')?.line ?? doc.startLine;
  return (e.path ? locatePath(doc, e.path) : undefined) ?? doc.lines[0]?.line ?? doc.startLine;
}

/** The markers for kubectl's output on this file's text (none when the output has no error it can place). */
export function applyMarkers(text: string, output: string): ApplyMarker[] {
  const errors = parse(output);
  if (!errors.length) return [];
  const docs = splitDocuments(text);
  const markers: ApplyMarker[] = [];
  for (const e of errors) {
    if (e.line !== undefined) {
      markers.push({ line: e.line, message: e.message });
      continue;
    }
    const candidates = findDocuments(docs, e.kind, e.name);
    if (!candidates.length) continue;
    // Without a name (decoding errors), the document where the path exists is the one.
    const doc = (e.path && !e.name ? candidates.find((d) => locatePath(d, e.path!) !== undefined && locatePath(d, e.path!)! > d.lines[0].line) : undefined)
      ?? candidates[0];
    markers.push({ line: lineIn(doc, e) + 1, message: e.message });
  }
  return markers;
}
