import { describe, expect, it } from 'vitest';
import { Shell } from './shell';
import { MemFS } from './memfs';
import type { KubectlEnv } from '../kubectl';

// Expectations are GNU coreutils 9 / findutils / gawk on this machine (LANG=C.UTF-8), run through `bash -i`.
const cases = [
  { name: "cut -f LIST with commas", script: "echo a:b:c | cut -d: -f1,3", out: "a:c\n", code: 0 },
  { name: "cut -c range", script: "echo abcdef | cut -c2-4", out: "bcd\n", code: 0 },
  { name: "tr -d", script: "echo abc | tr -d b", out: "ac\n", code: 0 },
  { name: "tr -s", script: "echo 'aa  bb' | tr -s ' '", out: "aa bb\n", code: 0 },
  { name: "tr with one set", script: "tr a", out: "tr: missing operand after ‘a’\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n", code: 1 },
  { name: "awk fields reordered", script: "printf 'x 1\\ny 2\\n' | awk '{print $2, $1}'", out: "1 x\n2 y\n", code: 0 },
  { name: "awk -F and $NF", script: "printf 'a:b\\n' | awk -F: '{print $NF}'", out: "b\n", code: 0 },
  { name: "awk NR>1 skips the header", script: "printf 'h1\\nr1\\nr2\\n' | awk 'NR>1 {print $1}'", out: "r1\nr2\n", code: 0 },
  { name: "seq without operands", script: "seq", out: "seq: missing operand\nTry 'seq --help' for more information.\n", code: 1 },
  { name: "seq counting down by default prints nothing", script: "seq 3 1", out: "", code: 0 },
  { name: "seq with a fractional step", script: "seq 1 0.5 2", out: "1.0\n1.5\n2.0\n", code: 0 },
  { name: "printf width and flags", script: "printf '%5s|%-3d|\\n' ab 7", out: "   ab|7  |\n", code: 0 },
  { name: "mv without operands", script: "mv", out: "mv: missing file operand\nTry 'mv --help' for more information.\n", code: 1 },
  { name: "cp without a destination", script: "cp a", out: "cp: missing destination file operand after 'a'\nTry 'cp --help' for more information.\n", code: 1 },
  { name: "cp a missing file", script: "cp nope x", out: "cp: cannot stat 'nope': No such file or directory\n", code: 1 },
  { name: "printenv of an unset name", script: "printenv NOPE; echo $?", out: "1\n", code: 0 },
  { name: "xargs -n 2", script: "echo '1 2 3' | xargs -n 2", out: "1 2\n3\n", code: 0 },
  { name: "xargs -I{} one call per line", script: "echo a b | xargs -I{} echo \"[{}]\"", out: "[a b]\n", code: 0 },
  { name: "xargs runs once on empty input", script: "printf '' | xargs echo empty", out: "empty\n", code: 0 },
  { name: "date -d @0", script: "date -d @0", out: "Thu Jan  1 00:00:00 UTC 1970\n", code: 0 },
  { name: "sleep x", script: "sleep x", out: "sleep: invalid time interval ‘x’\nTry 'sleep --help' for more information.\n", code: 1 },
  { name: "timeout without a command", script: "timeout", out: "Try 'timeout --help' for more information.\n", code: 125 },
  { name: "uniq", script: "printf 'b\\nb\\na\\n' | uniq", out: "b\na\n", code: 0 },
  { name: "tee to two files", script: "printf 'a\\nb\\n' | tee t1 t2 >/dev/null; cat t1 t2", out: "a\nb\na\nb\n", code: 0 },  { name: 'seq with an extra operand', script: 'seq 1 2 3 4', out: "seq: extra operand ‘4’\nTry 'seq --help' for more information.\n", code: 1 },
  { name: 'date with an invalid date', script: 'date -d foo', out: 'date: invalid date ‘foo’\n', code: 1 },
  { name: 'xargs with an unmatched quote', script: `echo "'" | xargs echo`, out: 'xargs: unmatched single quote; by default quotes are special to xargs unless you use the -0 option\n', code: 1 },
  { name: 'timeout with a bad interval', script: 'timeout x y', out: "timeout: invalid time interval ‘x’\nTry 'timeout --help' for more information.\n", code: 125 },
];

describe('coreutils in the host shell', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const sh = new Shell({ fs: new MemFS(), kubectlEnv: () => ({ now: () => Date.UTC(2026, 10, 24) }) as unknown as KubectlEnv, sleep: async () => undefined });
      let out = '';
      const code = await sh.run(c.script, { stdout: (s) => { out += s; }, stderr: (s) => { out += s; } });
      expect({ out, code }).toEqual({ out: c.out, code: c.code });
    });
  }
});
