import { describe, expect, it } from 'vitest';
import { JobTable, parseKillSignal, showWord } from './jobs';

const settle = async () => { for (let i = 0; i < 10; i++) await Promise.resolve(); };

describe('JobTable', () => {
  it('announces, lists and reports jobs as bash does', async () => {
    const t = new JobTable();
    const lines: string[] = [];
    let finishFirst!: (code: number) => void;
    t.start('sleep 100', () => new Promise<number>((r) => { finishFirst = r; }), (l) => lines.push(l));
    t.start('kubectl port-forward web 8080:80', (sig) => new Promise<number>((r) => sig.addEventListener('abort', () => r(0))), (l) => lines.push(l));
    expect(lines).toEqual(['[1] 4242\n', '[2] 4243\n']);
    expect(t.list()).toBe('[1]-  Running                 sleep 100 &\n[2]+  Running                 kubectl port-forward web 8080:80 &\n');
    finishFirst(3);
    t.find('%2')!.ac.abort('SIGTERM');
    await settle();
    expect(t.notices()).toBe('[1]-  Exit 3                  sleep 100\n[2]+  Terminated              kubectl port-forward web 8080:80\n');
    expect(t.notices()).toBe('');
    expect(t.all()).toEqual([]);
  });

  const specs = [
    { name: 'current', spec: '%%', want: 2 }, { name: 'plus', spec: '%+', want: 2 }, { name: 'previous', spec: '%-', want: 1 },
    { name: 'by number', spec: '%1', want: 1 }, { name: 'by pid', spec: '4243', want: 2 }, { name: 'missing', spec: '%7', want: undefined },
  ];
  for (const c of specs) {
    it(`finds jobs by spec: ${c.name}`, () => {
      const t = new JobTable();
      t.start('a', () => new Promise(() => undefined), () => undefined);
      t.start('b', () => new Promise(() => undefined), () => undefined);
      expect(t.find(c.spec)?.id).toBe(c.want);
    });
  }
});

describe('kill signals and job words', () => {
  const cases = [
    { name: 'number', in: '9', want: 'SIGKILL' }, { name: 'name', in: 'TERM', want: 'SIGTERM' },
    { name: 'SIG prefix', in: 'SIGINT', want: 'SIGINT' }, { name: 'lower case', in: 'hup', want: 'SIGHUP' }, { name: 'unknown', in: 'FOO', want: undefined },
  ];
  for (const c of cases) it(c.name, () => expect(parseKillSignal(c.in)).toBe(c.want));
  it('quotes words that need it', () => {
    expect(showWord('8080:80')).toBe('8080:80');
    expect(showWord('a b')).toBe("'a b'");
  });
});
