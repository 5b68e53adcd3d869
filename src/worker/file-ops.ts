// The editor's file operations on the learner's files, worded as the shell words its errors.
import type { MemFS } from '../shell';
import type { FileOp, FileResult } from './protocol';

/** Runs one file operation. Never throws. */
export function handleFileOp(fs: MemFS, op: FileOp): FileResult {
  try {
    switch (op.op) {
      case 'list':
        return { ok: true, files: fs.allFiles() };
      case 'read': {
        const content = fs.read(op.path);
        return content === undefined ? { ok: false, error: `${op.path}: No such file or directory` } : { ok: true, content };
      }
      case 'write':
        if (fs.isDir(op.path)) return { ok: false, error: `${op.path}: Is a directory` };
        fs.write(op.path, op.content);
        return { ok: true };
      case 'delete':
        return fs.remove(op.path) ? { ok: true } : { ok: false, error: `${op.path}: No such file or directory` };
      case 'rename': {
        const content = fs.read(op.from);
        if (content === undefined) return { ok: false, error: `${op.from}: No such file or directory` };
        if (fs.isDir(op.to)) return { ok: false, error: `${op.to}: Is a directory` };
        fs.write(op.to, content);
        if (fs.abs(op.to) !== fs.abs(op.from)) fs.remove(op.from);
        return { ok: true };
      }
    }
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
