import { describe, expect, it } from 'vitest';
import { execIn, execInteractive, runContainer, testRuntime } from '../test-support';

/** Runs a `sh -c` script in a fresh container of `image`. */
function sh(script: string, image = 'busybox', o: { maxMs?: number; env?: [string, string][]; shell?: string } = {}) {
  const t = testRuntime();
  const c = runContainer(t, image, { command: ['sleep', '3600'], env: o.env });
  t.clock.advance(1);
  return execIn(t, c.container, [o.shell ?? 'sh', '-c', script], { maxMs: o.maxMs ?? 60_000 });
}

describe('shell interpreter (busybox ash)', () => {
  const cases: { name: string; script: string; stdout: string; stderr?: string; code?: number; env?: [string, string][] }[] = [
    { name: 'echo and ;', script: 'echo a; echo b', stdout: 'a\nb\n' },
    { name: 'single and double quotes', script: `echo 'a  $X' "b  $X" c"d"'e'`, stdout: 'a  $X b  1 cde\n', env: [['X', '1']] },
    { name: 'variables and braces', script: 'A=1; B="${A}2"; echo $A $B ${C:-none} ${#B}', stdout: '1 12 none 2\n' },
    { name: 'field splitting of unquoted expansions', script: 'X="a   b"; for w in $X; do echo "[$w]"; done', stdout: '[a]\n[b]\n' },
    { name: '&& and ||', script: 'true && echo yes; false && echo no; false || echo alt', stdout: 'yes\nalt\n' },
    { name: 'exit status $?', script: 'false; echo $?; (exit 3); echo $?', stdout: '1\n3\n' },
    { name: 'pipes', script: 'printf "b\\na\\nc\\n" | sort | head -n 2', stdout: 'a\nb\n' },
    { name: 'command substitution', script: 'x=$(echo hi | tr a-z A-Z); echo "<$x>" `echo back`', stdout: '<HI> back\n' },
    { name: 'arithmetic', script: 'i=2; echo $((i * 3 + 1)) $((10 / 3)) $((i > 1))', stdout: '7 3 1\n' },
    { name: 'if/elif/else', script: 'if [ 1 -gt 2 ]; then echo a; elif [ -z "" ]; then echo b; else echo c; fi', stdout: 'b\n' },
    { name: 'while loop with counter', script: 'i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done', stdout: '0\n1\n2\n' },
    { name: 'until loop', script: 'i=0; until [ $i -ge 2 ]; do i=$((i+1)); done; echo $i', stdout: '2\n' },
    { name: 'for loop, break and continue', script: 'for i in 1 2 3 4; do [ $i = 2 ] && continue; [ $i = 4 ] && break; echo $i; done', stdout: '1\n3\n' },
    { name: 'case with patterns', script: 'for f in a.txt b.sh c; do case $f in *.txt) echo text;; *.sh|*.bash) echo script;; *) echo other;; esac; done', stdout: 'text\nscript\nother\n' },
    { name: 'functions, $1, $#, return, local', script: 'f() { local x=$1; echo "$# $x"; return 4; }; f a b; echo $?', stdout: '2 a\n4\n' },
    { name: 'redirects > >> < and 2>&1', script: 'echo one > /tmp/f; echo two >> /tmp/f; cat < /tmp/f; ls /nope 2>&1 | head -1', stdout: 'one\ntwo\nls: /nope: No such file or directory\n' },
    { name: '2>/dev/null', script: 'cat /nope 2>/dev/null; echo rc=$?', stdout: 'rc=1\n' },
    { name: 'here-document with expansion', script: 'N=kube; cat <<EOF\nhello $N\nEOF', stdout: 'hello kube\n' },
    { name: 'quoted here-document', script: "cat <<'EOF'\nhello $N\nEOF", stdout: 'hello $N\n' },
    { name: 'exit ends the script', script: 'echo a; exit 5; echo b', stdout: 'a\n', code: 5 },
    { name: 'set -e', script: 'set -e; echo a; false; echo b', stdout: 'a\n', code: 1 },
    { name: 'set -e spares conditions', script: 'set -e; if false; then :; fi; false || true; echo ok', stdout: 'ok\n' },
    { name: 'subshell does not leak variables', script: 'X=1; (X=2; echo $X); echo $X', stdout: '2\n1\n' },
    { name: 'brace group', script: '{ echo a; echo b; } > /tmp/g; cat /tmp/g', stdout: 'a\nb\n' },
    { name: 'env var prefix for one command', script: 'FOO=bar env | grep FOO; echo "[$FOO]"', stdout: 'FOO=bar\n[]\n' },
    { name: 'export to children', script: 'export GREETING=hi; sh -c \'echo $GREETING\'', stdout: 'hi\n' },
    { name: 'glob in a directory', script: 'mkdir /tmp/d; touch /tmp/d/a.txt /tmp/d/b.txt /tmp/d/c.log; echo /tmp/d/*.txt', stdout: '/tmp/d/a.txt /tmp/d/b.txt\n' },
    { name: 'test/[ with files', script: '[ -d /etc ] && [ -f /etc/passwd ] && [ ! -e /nope ] && echo ok', stdout: 'ok\n' },
    { name: 'printf formats', script: 'printf "%s=%03d %-4s|\\n" a 7 b', stdout: 'a=007 b   |\n' },
    { name: 'read from a pipe', script: 'echo "x y z" | { read a b; echo "$b"; }', stdout: 'y z\n' },
    { name: 'not found', script: 'nosuchcmd', stdout: '', stderr: 'sh: nosuchcmd: not found\n', code: 127 },
    { name: 'syntax error', script: 'if true; then echo', stdout: '', stderr: 'sh: syntax error: unexpected end of file (expecting "fi")\n', code: 2 },
    { name: 'cd and pwd', script: 'cd /etc && pwd; cd /nope; echo rc=$?', stdout: '/etc\nrc=1\n', stderr: 'sh: cd: can\'t cd to /nope: No such file or directory\n' },
    { name: 'background job and wait', script: '(sleep 2; echo late) & echo early; wait; echo done', stdout: 'early\nlate\ndone\n' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = sh(c.script, 'busybox', { env: c.env });
      expect(r.stdout).toBe(c.stdout);
      if (c.stderr !== undefined) expect(r.stderr).toBe(c.stderr);
      expect(r.code).toBe(c.code ?? 0);
    });
  }
});

describe('shell dialects', () => {
  const cases: { name: string; image: string; shell: string; script: string; stderr: string; code: number }[] = [
    { name: 'dash: not found has a line number', image: 'nginx', shell: 'sh', script: 'foo', stderr: 'sh: 1: foo: not found\n', code: 127 },
    { name: 'bash: command not found', image: 'ubuntu', shell: 'bash', script: 'foo', stderr: 'bash: line 1: foo: command not found\n', code: 127 },
    { name: 'dash: cannot create on a missing dir', image: 'nginx', shell: 'sh', script: 'echo x > /no/such', stderr: 'sh: 1: cannot create /no/such: Directory nonexistent\n', code: 2 },
    { name: 'ash: can\'t create on a missing dir', image: 'busybox', shell: 'sh', script: 'echo x > /no/such', stderr: "sh: can't create /no/such: nonexistent directory\n", code: 1 },
    { name: 'busybox: GNU-less cat message', image: 'busybox', shell: 'sh', script: 'cat /nope', stderr: "cat: can't open '/nope': No such file or directory\n", code: 1 },
    { name: 'GNU cat message', image: 'nginx', shell: 'sh', script: 'cat /nope', stderr: 'cat: /nope: No such file or directory\n', code: 1 },
    { name: 'GNU ls message', image: 'debian', shell: 'bash', script: 'ls /nope', stderr: "ls: cannot access '/nope': No such file or directory\n", code: 2 },
    { name: 'dash syntax error', image: 'debian', shell: 'sh', script: 'fi', stderr: 'sh: 1: Syntax error: "fi" unexpected\n', code: 2 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = sh(c.script, c.image, { shell: c.shell });
      expect(r.stderr).toBe(c.stderr);
      expect(r.code).toBe(c.code);
    });
  }
});

describe('shell utilities through the interpreter', () => {
  it('date prints the simulated time in date(1) format', () => {
    expect(sh('date').stdout).toBe('Wed Jan 15 09:00:00 UTC 2025\n');
    expect(sh("date +'%Y-%m-%dT%H:%M:%S'").stdout).toBe('2025-01-15T09:00:00\n');
  });

  it('sleep runs on the simulated clock', () => {
    const t = testRuntime();
    const c = runContainer(t, 'busybox', { command: ['sh', '-c', 'echo start; sleep 10; echo end'] });
    t.clock.advance(9_999);
    expect(c.text()).toBe('start');
    t.clock.advance(1);
    expect(c.text()).toBe('start\nend');
    expect(c.exit?.exitCode).toBe(0);
  });

  it('env, printenv, echo $VAR and hostname show the pod', () => {
    const r = sh('echo $MY_VAR; printenv MY_VAR; hostname; env | grep -c MY_VAR', 'busybox', { env: [['MY_VAR', 'hello']] });
    expect(r.stdout).toBe('hello\nhello\ntest-pod\n1\n');
  });

  it('wget fails cleanly while no network is wired', () => {
    const r = sh('wget -qO- http://web-service; echo rc=$?');
    expect(r.stdout).toBe('rc=1\n');
    expect(r.stderr).toBe("wget: bad address 'web-service'\n");
  });

  it('ls /bin lists busybox applets', () => {
    const out = sh('ls /bin').stdout.split('\n');
    for (const a of ['sh', 'ls', 'cat', 'wget', 'nslookup', 'sleep']) expect(out).toContain(a);
  });
});

describe('interactive shells (kubectl exec -it)', () => {
  it('busybox: / # prompt, cd changes it, exit code returned', async () => {
    const t = testRuntime();
    const c = runContainer(t, 'busybox', { command: ['sleep', '3600'] });
    t.clock.advance(1);
    const r = await execInteractive(t, c.container, ['sh'], ['echo hi', 'cd /tmp', 'exit 3']);
    expect(r.output).toBe('/ # echo hi\nhi\n/ # cd /tmp\n/tmp # exit 3\n');
    expect(r.code).toBe(3);
  });

  it('bash in a debian-based image: root@<pod>:/# prompt, multi-line input', async () => {
    const t = testRuntime();
    const c = runContainer(t, 'nginx', { podName: 'web-7f9c' });
    t.clock.advance(100);
    const r = await execInteractive(t, c.container, ['/bin/bash'], ['for i in 1 2; do', 'echo $i', 'done', 'exit']);
    expect(r.output).toBe('root@web-7f9c:/# for i in 1 2; do\n> echo $i\n> done\n1\n2\nroot@web-7f9c:/# exit\nexit\n');
    expect(r.code).toBe(0);
  });

  it('bash is absent from busybox: the OCI runtime exec error and exit 126', () => {
    const t = testRuntime();
    const c = runContainer(t, 'busybox', { command: ['sleep', '3600'] });
    t.clock.advance(1);
    expect(execIn(t, c.container, ['/bin/bash'])).toEqual({
      code: 126, stderr: '',
      stdout: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "/bin/bash": stat /bin/bash: no such file or directory: unknown\r\n',
    });
    expect(execIn(t, c.container, ['bash']).stdout).toBe('OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in $PATH: unknown\r\n');
  });
});
