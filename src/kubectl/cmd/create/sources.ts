// --from-literal, --from-file and --from-env-file, shared by create configmap and create secret generic.
// Models k8s.io/kubectl/pkg/util/util.go (ParseFileSource, ParseLiteralSource) and
// pkg/cmd/util/env_file.go (AddFromEnvFile, processEnvFileLine).
import { isEnvVarName } from '../../../engine/api/validation';
import type { FileSystem } from '../../types';
import { CmdError } from '../../errors';

/** ParseLiteralSource: "key=value" (the first "=" splits). */
export function parseLiteralSource(source: string): [string, string] {
  const i = source.indexOf('=');
  if (i <= 0) throw new CmdError(`error: invalid literal source ${source}, expected key=value`);
  return [source.slice(0, i), source.slice(i + 1)];
}

/** ParseFileSource: "path" (key = basename) or "key=path". */
export function parseFileSource(source: string): [string, string] {
  const n = source.split('=').length - 1;
  if (n === 0) return [source.replace(/\/+$/, '').split('/').pop() || '/', source];
  if (n === 1 && source.startsWith('=')) throw new CmdError(`error: key name for file path ${source.slice(1)} missing`);
  if (n === 1 && source.endsWith('=')) throw new CmdError(`error: file path for key name ${source.slice(0, -1)} missing`);
  if (n > 1) throw new CmdError("error: key names or file paths cannot contain '='");
  const [k, v] = source.split('=');
  return [k, v];
}

/** The (key, content) pairs a --from-file source names: one file, or every regular file of a directory. */
export function readFileSource(fs: FileSystem, source: string): [string, string][] {
  const [key, path] = parseFileSource(source);
  const isDir = fs.isDir(path);
  if (!isDir && fs.read(path) === undefined) throw new CmdError(`error: error reading ${path}: no such file or directory`);
  if (!isDir) return [[key, fs.read(path)!]];
  if (source.includes('=')) throw new CmdError('error: cannot give a key name for a directory path');
  const out: [string, string][] = [];
  for (const name of fs.list(path)) {
    const full = `${path.replace(/\/+$/, '')}/${name}`;
    const text = fs.isDir(full) ? undefined : fs.read(full);
    if (text !== undefined) out.push([name, text]);
  }
  return out;
}

/** AddFromEnvFile: KEY=value lines; blank lines and # comments skipped; a bare KEY takes the (empty) environment value. */
export function readEnvFile(fs: FileSystem, path: string, dirError: string): [string, string][] {
  if (fs.isDir(path)) throw new CmdError(`error: ${dirError}`);
  const text = fs.read(path);
  if (text === undefined) throw new CmdError(`error: error reading ${path}: no such file or directory`);
  const out: [string, string][] = [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((raw, i) => {
    let line = raw.replace(/\r$/, '');
    if (i === 0) line = line.replace(/^\uFEFF/, '');
    line = line.replace(/^\s+/, '');
    if (line === '' || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    const key = eq < 0 ? line : line.slice(0, eq);
    const errs = isEnvVarName(key);
    if (errs.length) throw new CmdError(`error: ${JSON.stringify(key)} is not a valid key name: ${errs.join(';')}`);
    out.push([key, eq < 0 ? '' : line.slice(eq + 1)]);
  });
  return out;
}
