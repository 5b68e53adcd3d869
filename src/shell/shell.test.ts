import { describe, expect, it } from 'vitest';
import { Shell } from './shell';
import { MemFS } from './memfs';
import type { KubectlEnv } from '../kubectl';

/** A shell on a fake clock: sleep advances it; `now` is what date and watch read. */
function harness() {
  const clock = { now: Date.UTC(2026, 10, 24, 0, 9, 15) };
  const fs = new MemFS();
  const sh = new Shell({
    fs,
    kubectlEnv: () => ({ now: () => clock.now }) as unknown as KubectlEnv,
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw new Error('aborted');
      clock.now += ms;
    },
  });
  const run = async (script: string, signal?: AbortSignal) => {
    let out = '';
    const code = await sh.run(script, { stdout: (s) => { out += s; }, stderr: (s) => { out += s; } }, signal);
    return { out, code };
  };
  return { sh, fs, clock, run };
}

// Expectations are GNU bash 5.2 (interactive, `bash -i` reading the line) and coreutils 9 on this machine.
const cases = [
  { name: "$( ) output", script: "echo $(echo hi)", out: "hi\n", code: 0 },
  { name: "$( ) inside double quotes keeps spaces", script: "echo \"a $(echo b  c) d\"", out: "a b c d\n", code: 0 },
  { name: "trailing newlines dropped", script: "x=$(printf 'a\\nb\\n\\n'); echo \"[$x]\"", out: "[a\nb]\n", code: 0 },
  { name: "backticks and nested $( )", script: "echo `echo back` $(echo $(echo nested))", out: "back nested\n", code: 0 },
  { name: "unquoted $( ) is word-split", script: "for w in $(echo one two three); do echo \"<$w>\"; done", out: "<one>\n<two>\n<three>\n", code: 0 },
  { name: "$? after an assignment from $( )", script: "X=$(false); echo $?", out: "1\n", code: 0 },
  { name: "$( ) is a subshell: exit leaves only it", script: "echo \"$(exit 3)\"; echo $?", out: "\n0\n", code: 0 },
  { name: "${VAR} ${VAR:-w} ${VAR-w} ${VAR:+w}", script: "A=1; B=${A}2; echo $B ${C:-default} ${C-unset} \"${A:+set}\"", out: "12 default unset set\n", code: 0 },
  { name: "${#VAR} and $((…)) arithmetic", script: "echo ${#B} $((3 + 4 * 2)) $((10 / 3)) $((7 % 3)) $(( (1+2) * 3 ))", out: "0 11 3 1 9\n", code: 0 },
  { name: "while with [ ] and $((i+1))", script: "i=0; while [ $i -lt 3 ]; do echo i=$i; i=$((i+1)); done", out: "i=0\ni=1\ni=2\n", code: 0 },
  { name: "for over $(seq) with if/elif/else", script: "for i in $(seq 1 3); do if [ $i -eq 2 ]; then echo two; elif [ $i -eq 3 ]; then echo three; else echo other; fi; done", out: "other\ntwo\nthree\n", code: 0 },
  { name: "&& and || chains", script: "true && echo yes || echo no; false && echo yes || echo no", out: "yes\nno\n", code: 0 },
  { name: "{ …; } group piped", script: "{ echo a; echo b; } | wc -l", out: "2\n", code: 0 },
  { name: "unset", script: "unset A; echo \"[$A]\"", out: "[]\n", code: 0 },
  { name: "export, printenv, env", script: "export FOO=bar; printenv FOO; env | grep ^FOO", out: "bar\nFOO=bar\n", code: 0 },
  { name: "functions and positional parameters", script: "f() { echo \"args: $# $1 $2\"; }; f x y", out: "args: 2 x y\n", code: 0 },
  { name: "break", script: "for i in 1 2 3 4; do [ $i = 3 ] && break; echo $i; done", out: "1\n2\n", code: 0 },
  { name: "continue", script: "for i in 1 2 3; do [ $i = 2 ] && continue; echo $i; done", out: "1\n3\n", code: 0 },
  { name: "case with patterns", script: "case abc in a*) echo starts-a;; *) echo other;; esac", out: "starts-a\n", code: 0 },
  { name: "cut -d -f", script: "echo a,b,c | cut -d, -f2", out: "b\n", code: 0 },
  { name: "awk print a field", script: "echo \"x y z\" | awk '{print $2}'", out: "y\n", code: 0 },
  { name: "printf reuses its format", script: "printf '%s-%d\\n' a 1 b 2", out: "a-1\nb-2\n", code: 0 },
  { name: "tr ranges", script: "echo hello | tr a-z A-Z", out: "HELLO\n", code: 0 },
  { name: "uniq -c", script: "printf 'a\\na\\nb\\n' | uniq -c", out: "      2 a\n      1 b\n", code: 0 },
  { name: "xargs -n1", script: "printf 'a b\\nc d\\n' | xargs -n1 echo x", out: "x a\nx b\nx c\nx d\n", code: 0 },
  { name: "yes is bounded by the pipe", script: "yes | head -3", out: "y\ny\ny\n", code: 0 },
  { name: "seq FIRST INCR LAST", script: "seq 2 2 7", out: "2\n4\n6\n", code: 0 },
  { name: "division by 0 abandons the line", script: "echo $((1/0)); echo after", out: "bash: 1/0: division by 0 (error token is \"0\")\n", code: 1 },
  { name: "command not found", script: "foo-not-here", out: "bash: foo-not-here: command not found\n", code: 127 },
  { name: "syntax error near done", script: "echo done; done", out: "bash: syntax error near unexpected token `done'\n", code: 2 },
  { name: "cd to a missing directory", script: "cd /nonexistent", out: "bash: cd: /nonexistent: No such file or directory\n", code: 1 },
  { name: "arithmetic on a variable", script: "x=5; x=$((x*2)); echo $x", out: "10\n", code: 0 },
  { name: "${X:?message}", script: "echo ${X:?must be set}", out: "bash: X: must be set\n", code: 1 },
  { name: "nested double quotes in $( )", script: "echo \"$(echo \"inner quotes\")\"", out: "inner quotes\n", code: 0 },
  { name: "sort | tr", script: "printf 'b\\na\\n' | sort | tr '\\n' ' '; echo", out: "a b \n", code: 0 },
  { name: "tee writes the file", script: "echo \"The end\" | tee out.txt; cat out.txt", out: "The end\nThe end\n", code: 0 },
  { name: "~ and $HOME", script: "echo $HOME ~ ~/x", out: "/home/learner /home/learner /home/learner/x\n", code: 0 },  { name: '&> sends both streams to the file', script: 'cat nope &> f; cat f', out: 'cat: nope: No such file or directory\n', code: 0 },
  { name: '&>> appends both streams', script: 'echo a &>> f; cat nope &>> f; cat f', out: 'a\ncat: nope: No such file or directory\n', code: 0 },
  { name: 'a redirection without a target', script: 'echo >', out: "bash: syntax error near unexpected token `newline'\n", code: 2 },
  { name: 'a loop redirected as a whole', script: 'for i in a b; do echo $i; done > f; cat f', out: 'a\nb\n', code: 0 },
  { name: 'while read from a pipe', script: 'echo a | while read l; do echo "got $l"; done', out: 'got a\n', code: 0 },
  { name: 'until', script: 'i=0; until [ $i -ge 2 ]; do echo $i; i=$((i+1)); done', out: '0\n1\n', code: 0 },
  { name: 'brace expansion', script: 'echo {1..3} x{a,b}y {3..1} {a..c} {1..10..3} {01..03} {x} a{b} {1..3}-{a,b} "{1..2}"',
    out: '1 2 3 xay xby 3 2 1 a b c 1 4 7 10 01 02 03 {x} a{b} 1-a 1-b 2-a 2-b 3-a 3-b {1..2}\n', code: 0 },
  { name: 'for over {1..3}', script: 'for i in {1..3}; do echo "try $i"; done', out: 'try 1\ntry 2\ntry 3\n', code: 0 },
  { name: 'aliases', script: "alias k=kubectl kgp='kubectl get pods'; alias; alias k; alias nope; unalias nope", out: "alias k='kubectl'\nalias kgp='kubectl get pods'\nalias k='kubectl'\nbash: alias: nope: not found\nbash: unalias: nope: not found\n", code: 1 },
  { name: '[[ == ]] with a glob and =~', script: 'x=1; [[ $x == 1 ]] && echo eq; [[ abc == a* ]]; echo $?; [[ abc =~ ^a.c$ ]]; echo $?', out: 'eq\n0\n0\n', code: 0 },
  { name: 'process substitution', script: 'cat <(echo hi); echo <(true)', out: 'hi\n/dev/fd/63\n', code: 0 },
  { name: 'set options and local are accepted', script: 'set -euo pipefail; f() { local v=2; echo $v; }; f', out: '2\n', code: 0 },
  { name: '$( ) inside $(( ))', script: 'echo $(( $(printf "a\\nb\\n" | wc -l) * 10 + ${#HOME} ))', out: '33\n', code: 0 },
  { name: 'here-strings', script: 'x=world; cat <<< "hello $x"; base64 -d <<< aGk=; echo', out: 'hello world\nhi\n', code: 0 },
  { name: '$PWD follows cd', script: 'mkdir -p /tmp/w; cd /tmp/w; echo $PWD; cd; echo $PWD', out: '/tmp/w\n/home/learner\n', code: 0 },
  { name: 'an empty then', script: 'if true; then fi', out: "bash: syntax error near unexpected token `fi'\n", code: 2 },
  { name: 'an empty do', script: 'while true; do done', out: "bash: syntax error near unexpected token `done'\n", code: 2 },
  { name: 'an empty else', script: 'if true; then echo; else fi', out: "bash: syntax error near unexpected token `fi'\n", code: 2 },
  { name: 'an empty then before elif', script: 'if true; then elif true; then echo; fi', out: "bash: syntax error near unexpected token `elif'\n", code: 2 },
  { name: 'an empty group', script: '{ }', out: "bash: syntax error near unexpected token `}'\n", code: 2 },
  { name: 'env with assignments runs the command', script: 'env A=1 B=2 printenv A B', out: '1\n2\n', code: 0 },
  { name: 'which finds commands and fails for the rest', script: 'f() { echo; }; which ls nope; echo $?', out: '/usr/bin/ls\n1\n', code: 0 },
  { name: '&>/dev/null silences both streams', script: 'cat nope &>/dev/null || echo failed', out: 'failed\n', code: 0 },
  { name: 'base64 of nothing is nothing', script: "printf '' | base64 | wc -c", out: '0\n', code: 0 },
  { name: 'wc counts', script: "printf 'hello world\\nfoo\\n' > wf; wc -l wf; wc wf; wc -c wf; wc -lw wf; echo hi | wc -lw; echo hi | wc -c; echo hi | wc -w",
    out: '2 wf\n 2  3 16 wf\n16 wf\n 2  3 wf\n      1       1\n3\n1\n', code: 0 },
  { name: 'echo -e escapes and \\c', script: 'echo -e "a\\tb\\x41\\0101"; echo -e "x\\cy"; echo', out: 'a\tbAA\nx\n', code: 0 },
  { name: 'exit ends the line', script: 'exit 3; echo no', out: '', code: 3 },
];

describe('Shell.run matches bash', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const { run } = harness();
      const r = await run(c.script);
      expect(r).toEqual({ out: c.out, code: c.code });
    });
  }
});

describe('Shell state across lines', () => {
  it('runs the classic curl loop with $(minikube ip) inside a URL', async () => {
    const fs = new MemFS();
    const urls: string[] = [];
    let n = 0;
    const sh = new Shell({
      fs, kubectlEnv: () => { throw new Error('unused'); }, sleep: async () => undefined,
      programs: {
        minikube: async (io) => { io.out(io.args[0] === 'ip' ? '192.168.49.2\n' : ''); return 0; },
        curl: async (io) => { urls.push(io.args.join(' ')); io.out(`<p>Hostname: web-${n++ % 2}</p>\n`); return 0; },
      },
    });
    let out = '';
    const code = await sh.run("for i in $(seq 1 3); do curl -s http://$(minikube ip):30080 | grep -o 'Hostname: [a-z0-9-]*'; done",
      { stdout: (s) => { out += s; }, stderr: (s) => { out += s; } });
    expect({ code, out }).toEqual({ code: 0, out: 'Hostname: web-0\nHostname: web-1\nHostname: web-0\n' });
    expect(urls).toEqual(Array(3).fill('-s http://192.168.49.2:30080'));
  });

  it('keeps variables, $? and files between command lines', async () => {
    const { run, fs } = harness();
    await run('POD=$(echo web-1 | head -1)');
    expect((await run('echo "pod is $POD"')).out).toBe('pod is web-1\n');
    await run('false');
    expect((await run('echo $?')).out).toBe('1\n');
    await run('echo data > a.txt; cp a.txt b.txt; mv b.txt c.txt');
    expect(fs.read('c.txt')).toBe('data\n');
    expect(fs.read('b.txt')).toBeUndefined();
  });

  it('runs `while true; … sleep 2; done` on the simulated clock until Ctrl-C', async () => {
    const { sh, clock } = harness();
    const ac = new AbortController();
    let out = '';
    const start = clock.now;
    const done = sh.run('while true; do date +%s; sleep 2; done', { stdout: (s) => { out += s; if (out.split('\n').length > 3) ac.abort(); }, stderr: () => undefined }, ac.signal);
    expect(await done).toBe(130);
    expect(out).toBe(`${start / 1000}\n${start / 1000 + 2}\n${start / 1000 + 4}\n`);
  });

  it('breathes on the clock in a loop that never sleeps, so Ctrl-C ends it', async () => {
    const { sh, clock } = harness();
    const ac = new AbortController();
    let lines = 0;
    const start = clock.now;
    const code = await sh.run('while true; do echo x; done', { stdout: () => { if (++lines === 2000) ac.abort(); }, stderr: () => undefined }, ac.signal);
    expect(code).toBe(130);
    expect(clock.now).toBeGreaterThan(start);
  });

  it('draws watch like procps watch and re-runs every interval', async () => {
    const { sh } = harness();
    const ac = new AbortController();
    const frames: string[] = [];
    const code = await sh.run('watch -n 5 echo hi', { stdout: (s) => { frames.push(s); if (frames.length === 2) ac.abort(); }, stderr: () => undefined }, ac.signal);
    expect(code).toBe(130);
    expect(frames[0]).toBe(`\x1b[H\x1b[2JEvery 5.0s: echo hi${' '.repeat(80 - 19 - 33)}kubesim: Tue Nov 24 00:09:15 2026\n\nhi\n`);
    expect(frames[1]).toContain('kubesim: Tue Nov 24 00:09:20 2026');
  });

  it('prints date in the default format and +FORMAT', async () => {
    const { run } = harness();
    expect((await run('date; date -u +%Y-%m-%dT%H:%M:%SZ')).out).toBe('Tue Nov 24 00:09:15 UTC 2026\n2026-11-24T00:09:15Z\n');
  });

  it('jq -r walks .items[].metadata.name', async () => {
    const { run, fs } = harness();
    fs.write('pods.json', JSON.stringify({ items: [{ metadata: { name: 'a' } }, { metadata: { name: 'b' } }] }));
    expect((await run("cat pods.json | jq -r '.items[].metadata.name'")).out).toBe('a\nb\n');
    expect((await run("jq '.items | length' pods.json")).out).toBe('2\n');
  });
});

describe('Shell.feed asks for more of a compound command', () => {
  const cases = [
    { name: 'for … do … done over three lines', lines: ['for i in 1 2', 'do echo $i', 'done'], complete: [false, false, true] },
    { name: 'an open $( continues', lines: ['echo $(echo a', ')'], complete: [false, true] },
    { name: 'if without fi continues', lines: ['if true; then', 'echo y', 'fi'], complete: [false, false, true] },
    { name: 'a trailing pipe continues', lines: ['echo a |', 'cat'], complete: [false, true] },
    { name: 'a stray done is complete (a syntax error)', lines: ['done'], complete: [true] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const { sh } = harness();
      expect(c.lines.map((l) => sh.feed(l) !== undefined)).toEqual(c.complete);
    });
  }
});

describe('a line filter at the end of a pipeline', () => {
  it('sees lines while the first command still runs (kubectl get pods -w | grep web)', async () => {
    const seen: string[] = [];
    let release!: () => void;
    const sh = new Shell({ fs: new MemFS(), kubectlEnv: () => { throw new Error('unused'); }, sleep: async () => undefined,
      programs: { watcher: async (io) => {
        io.out('web-1   Running\ndb-1   Running\n');
        await new Promise<void>((r) => { release = r; });
        io.out('web-2   Pending\n');
        return 0;
      } } });
    const streamed = sh.run("watcher | grep web", { stdout: (s) => { seen.push(s); }, stderr: () => undefined });
    for (let i = 0; i < 20; i++) await Promise.resolve();
    expect(seen).toEqual(['web-1   Running\n']);
    release();
    expect(await streamed).toBe(0);
    expect(seen).toEqual(['web-1   Running\n', 'web-2   Pending\n']);
  });

  it('head closes the pipe: an endless writer stops after its lines', async () => {
    const sh = new Shell({ fs: new MemFS(), kubectlEnv: () => { throw new Error('unused'); }, sleep: async () => undefined,
      programs: { endless: async (io) => {
        for (let i = 1; !io.signal?.aborted; i++) { io.out(`line ${i}\n`); await Promise.resolve(); }
        return 141;
      } } });
    let out = '';
    const code = await sh.run('endless | head -n 2', { stdout: (s) => { out += s; }, stderr: (s) => { out += s; } });
    expect({ out, code }).toEqual({ out: 'line 1\nline 2\n', code: 0 });
  });

  const cases = [
    { name: 'head -3 of a short input', script: "printf 'a\\nb' | head -3", out: 'a\nb', code: 0 },
    { name: 'grep with no match fails', script: "printf 'a\\nb\\n' | grep c", out: '', code: 1 },
    { name: 'grep -c sees the whole input', script: "printf 'a\\na\\n' | grep -c a", out: '2\n', code: 0 },
    { name: 'awk NR>1 sees the whole input', script: "printf 'H\\nr\\n' | awk 'NR>1 {print $1}'", out: 'r\n', code: 0 },
    { name: 'a last line without a newline', script: "printf 'a b\\nc d' | cut -d' ' -f2", out: 'b\nd\n', code: 0 },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const sh = new Shell({ fs: new MemFS(), kubectlEnv: () => { throw new Error('unused'); }, sleep: async () => undefined });
      let out = '';
      const code = await sh.run(c.script, { stdout: (s) => { out += s; }, stderr: (s) => { out += s; } });
      expect({ out, code }).toEqual({ out: c.out, code: c.code });
    });
  }
});

describe('aliases run their command', () => {
  it('k get … runs what kubectl would', async () => {
    const seen: string[][] = [];
    const sh = new Shell({ fs: new MemFS(), kubectlEnv: () => { throw new Error('unused'); }, sleep: async () => undefined,
      programs: { kubectl2: async (io) => { seen.push(io.args); return 0; } } });
    const io = { stdout: () => undefined, stderr: () => undefined };
    await sh.run("alias k='kubectl2 -n demo'", io);
    expect(await sh.run('k get pods "a b"', io)).toBe(0);
    expect(seen).toEqual([['-n', 'demo', 'get', 'pods', 'a b']]);
  });
});
