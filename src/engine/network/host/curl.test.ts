import { describe, expect, it } from 'vitest';
import type { NetworkRequest, NetworkResponse } from '../request';
import { runCurl } from './curl';

const ok = (body: string, status = 200, headers: Record<string, string> = { 'Content-Type': 'text/html' }): NetworkResponse =>
  ({ ok: true, status, headers, body, address: '127.0.0.1', port: 8080, elapsedMs: 0 });

async function curl(args: string, answer: (r: NetworkRequest) => NetworkResponse) {
  let out = '', err = '', slept = 0;
  const seen: NetworkRequest[] = [];
  const code = await runCurl(args.split(' ').filter(Boolean), { request: (r) => { seen.push(r); return answer(r); },
    sleep: async (ms) => { slept += ms; }, out: (s) => { out += s; }, err: (s) => { err += s; } });
  return { code, out, err, slept, seen };
}

describe('host curl', () => {
  it('prints the body', async () => {
    const r = await curl('http://localhost:8080', () => ok('<h1>hi</h1>\n'));
    expect(r).toMatchObject({ code: 0, out: '<h1>hi</h1>\n', err: '' });
    expect(r.seen[0]).toMatchObject({ from: 'host', url: 'http://localhost:8080', method: 'GET' });
  });

  it('-i prints the status line and headers with CRLF', async () => {
    const r = await curl('-i localhost:8080', () => ok('x', 404, { 'Content-Length': '1' }));
    expect(r.out).toBe('HTTP/1.1 404 Not Found\r\nContent-Length: 1\r\n\r\nx');
  });

  const failures: { name: string; res: NetworkResponse; code: number; err: string; slept?: number }[] = [
    { name: 'connection refused', res: { ok: false, error: 'refused', host: 'localhost', port: 8080, address: '127.0.0.1', elapsedMs: 0 },
      code: 7, err: "curl: (7) Failed to connect to localhost port 8080 after 0 ms: Couldn't connect to server\n" },
    { name: 'unresolvable host', res: { ok: false, error: 'resolve', host: 'mywebapp.example.com', port: 80, elapsedMs: 0 },
      code: 6, err: 'curl: (6) Could not resolve host: mywebapp.example.com\n' },
    { name: 'connect timeout waits it out', res: { ok: false, error: 'timeout', host: '10.96.0.9', port: 80, address: '10.96.0.9', elapsedMs: 127000 },
      code: 28, err: "curl: (28) Failed to connect to 10.96.0.9 port 80 after 127000 ms: Couldn't connect to server\n", slept: 127000 },
  ];
  for (const f of failures) {
    it(f.name, async () => {
      const r = await curl('http://x', () => f.res);
      expect({ code: r.code, err: r.err, slept: r.slept }).toEqual({ code: f.code, err: f.err, slept: f.slept ?? 0 });
    });
  }

  it('-s hides errors, -sS shows them', async () => {
    const refused: NetworkResponse = { ok: false, error: 'refused', host: 'localhost', port: 1, elapsedMs: 0 };
    expect((await curl('-s http://localhost:1', () => refused)).err).toBe('');
    expect((await curl('-sS http://localhost:1', () => refused)).err).toContain('curl: (7)');
  });

  it('passes headers, method, data and --resolve', async () => {
    const r = await curl('-X PUT -H Host:app.example -d a=1 --resolve app.example:80:192.168.49.2 http://app.example/', () => ok(''));
    expect(r.seen[0]).toMatchObject({ method: 'PUT', headers: { Host: 'app.example' }, body: 'a=1',
      resolve: [{ host: 'app.example', port: 80, address: '192.168.49.2' }] });
  });

  it('-f fails on HTTP errors, -w prints the status code', async () => {
    expect(await curl('-f http://x', () => ok('', 503))).toMatchObject({ code: 22, err: 'curl: (22) The requested URL returned error: 503\n' });
    expect((await curl('-s -o /dev/null -w %{http_code} http://x', () => ok('body'))).out).toBe('200');
    expect((await curl('-s -w %{http_code} http://x', () => ({ ok: false, error: 'refused', host: 'x', port: 80, elapsedMs: 0 }))).out).toBe('000');
  });

  it('-L follows a redirect', async () => {
    let n = 0;
    const r = await curl('-L http://secure.example.com/', () => (n++ === 0 ? ok('', 308, { Location: 'https://secure.example.com/' }) : ok('secured')));
    expect(r.out).toBe('secured');
    expect(r.seen[1].url).toBe('https://secure.example.com/');
  });

  it('complains without a URL and about unknown options', async () => {
    expect(await curl('', () => ok(''))).toMatchObject({ code: 2, err: "curl: no URL specified!\ncurl: try 'curl --help' or 'curl --manual' for more information\n" });
    expect((await curl('--bogus http://x', () => ok(''))).err).toBe("curl: option --bogus: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n");
  });
});
