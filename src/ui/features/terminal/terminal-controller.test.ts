import { describe, expect, it } from 'vitest';
import type { Completion } from '../../../worker';
import { TerminalController, type ShellLink } from './terminal-controller';
import { History } from './line-editor';
import { FakeTerm } from './fake-term';

function setup(cols = 40, completion?: Completion) {
  const term = new FakeTerm(cols);
  const sent: { lines: string[]; echoed: number }[] = [];
  const calls: string[] = [];
  const link: ShellLink = {
    open: () => calls.push('open'),
    input: (lines, echoed) => sent.push({ lines, echoed }),
    interrupt: () => calls.push('interrupt'),
    eof: () => calls.push('eof'),
    complete: async () => completion ?? { from: 0, to: 0, candidates: [], noSpace: false },
    ack: () => undefined,
  };
  const c = new TerminalController(term, link, new History());
  c.booted();
  c.ready('$ ', false);
  return { term, sent, calls, c };
}

describe('TerminalController', () => {
  it('echoes typing and sends the line on Enter', () => {
    const { term, sent, c } = setup();
    c.onData('kubectl get nodes\r');
    expect(sent).toEqual([{ lines: ['kubectl get nodes'], echoed: 1 }]);
    expect(term.text()).toBe('$ kubectl get nodes\n');
    expect(c.busy).toBe(true);
  });

  it('keeps keys typed while a command runs and replays them at the prompt', () => {
    const { term, sent, c } = setup();
    c.onData('sleep 5\r');
    c.onData('echo hi\r');
    expect(sent).toHaveLength(1);
    c.ready('$ ', false);
    expect(sent[1]).toEqual({ lines: ['echo hi'], echoed: 1 });
    expect(term.text()).toBe('$ sleep 5\n$ echo hi\n');
  });

  it('edits in the middle of a line that wraps over rows', () => {
    const { term, sent, c } = setup(10);
    c.onData('abcdefghijklmnop');
    expect(term.text()).toBe('$ abcdefgh\nijklmnop');
    c.onData('\x1b[D'.repeat(10));
    c.onData('XY');
    c.onData('\x7f');
    expect(term.joined(0)).toBe('$ abcdefXghijklmnop');
    c.onData('\x05!\r');
    expect(sent[0].lines).toEqual(['abcdefXghijklmnop!']);
  });

  it('settles the cursor at a row boundary', () => {
    const { term, c } = setup(10);
    c.onData('12345678');
    expect([term.row, term.col]).toEqual([1, 0]);
    c.onData('9');
    expect(term.text()).toBe('$ 12345678\n9');
  });

  it('walks history with ↑ and ↓, keeping the draft', () => {
    const { term, sent, c } = setup();
    for (const cmd of ['one', 'two']) { c.onData(`${cmd}\r`); c.ready('$ ', false); }
    c.onData('dr');
    c.onData('\x1b[A');
    expect(c.line).toBe('two');
    c.onData('\x1b[A\x1b[A');
    expect(c.line).toBe('one');
    expect(term.bells).toBe(1);
    c.onData('\x1b[B\x1b[B');
    expect(c.line).toBe('dr');
    c.onData('\x1b[A\r');
    expect(sent.at(-1)!.lines).toEqual(['two']);
  });

  it('Ctrl-C at the prompt prints ^C and asks the shell for a fresh prompt', () => {
    const { term, calls, c } = setup();
    c.onData('half typed\x03');
    expect(calls).toContain('interrupt');
    c.ready('$ ', false);
    expect(term.text()).toBe('$ half typed^C\n$');
  });

  it('Ctrl-C while a command runs interrupts it at once and drops typeahead', () => {
    const { term, sent, calls, c } = setup();
    c.onData('kubectl get pods -w\r');
    c.onData('typed ahead');
    c.onData('\x03');
    expect(calls.filter((x) => x === 'interrupt')).toHaveLength(1);
    c.ready('$ ', false);
    expect(sent).toHaveLength(1);
    expect(term.text()).toBe('$ kubectl get pods -w\n^C\n$');
  });

  it('sends pasted lines to the shell and keeps the unfinished last line', () => {
    const { sent, c } = setup();
    c.onData('\x1b[200~cat <<EOF > a.yaml\rkind: Pod\r\tname: x\rEOF\rkubectl apply -f a.yaml\rkubectl get po\x1b[201~');
    expect(sent).toEqual([{ lines: ['cat <<EOF > a.yaml', 'kind: Pod', '\tname: x', 'EOF', 'kubectl apply -f a.yaml'], echoed: 1 }]);
    c.ready('$ ', false);
    expect(c.line).toBe('kubectl get po');
  });

  it('strips control characters from pasted binary garbage', () => {
    const { c } = setup(80);
    c.onData('\x1b[200~ab\x00\x01\x1b[31mc\x7fd\x1b[201~');
    expect(c.line).toBe('ab[31mcd');
  });

  it('completes a single candidate with a space, and lists ambiguous ones', async () => {
    const one = setup(40, { from: 8, to: 10, candidates: [{ value: 'get' }], noSpace: false });
    one.c.onData('kubectl ge\t');
    await new Promise((r) => setTimeout(r, 0));
    expect(one.c.line).toBe('kubectl get ');
    const many = setup(40, { from: 8, to: 8, candidates: [{ value: 'get', description: 'Display one or many resources' },
      { value: 'explain', description: 'Get documentation for a resource' }], noSpace: false });
    many.c.onData('kubectl \t');
    await new Promise((r) => setTimeout(r, 0));
    expect(many.term.text()).toBe('$ kubectl\nexplain  (Get documentation for a reso…)\nget      (Display one or many resources)\n$ kubectl');
    expect(many.c.line).toBe('kubectl ');
  });

  it('Ctrl-L clears the screen and redraws the line', () => {
    const { term, c } = setup();
    c.onData('echo 1\r');
    c.output('1\n');
    c.ready('$ ', false);
    c.onData('abc\x0c');
    expect(term.text().split('\n')[0]).toBe('$ abc');
  });

  it('cuts a single enormous line and rings the bell', () => {
    const { term, c } = setup(200);
    c.onData(`\x1b[200~${'x'.repeat(300 * 1024)}\x1b[201~`);
    expect(c.line.length).toBe(256 * 1024);
    expect(term.bells).toBe(1);
  });
});

describe('TerminalController and late readies', () => {
  it('draws one prompt when Ctrl-C crosses the end of a command', () => {
    const { term, c } = setup();
    c.onData('echo hi\r');
    c.onData('\x03');
    // The shell finished "echo hi" (seq 1) before it saw the Ctrl-C (seq 2), then answered that too.
    c.ready('> ', true, 1);
    c.ready('$ ', false, 2);
    expect(term.text()).toBe('$ echo hi\n^C\n$');
  });

  it('sends Ctrl-D at an empty line to a remote TTY as end of input, and rings the bell at the host prompt', () => {
    const { term, calls, c } = setup();
    c.onData('\x04');
    expect(calls).toEqual(['open']);
    expect(c.busy).toBe(false);
    expect(term.text()).not.toContain('\n');
    c.ready('/ # ', false, undefined, true);
    c.onData('\x04');
    expect(calls).toEqual(['open', 'eof']);
    expect(c.busy).toBe(true);
  });

  it('passes Ctrl-C at a remote TTY\'s prompt on: "^C", a new line, and the remote side prompts again', () => {
    const { term, calls, c } = setup();
    c.ready('/ # ', false, undefined, true);
    c.onData('oops\x03');
    expect(calls).toEqual(['open', 'interrupt']);
    c.ready('\x1b[1G/ # ', false, undefined, true);
    expect(term.text()).toBe('$ / # oops^C\n/ #');
  });
});
