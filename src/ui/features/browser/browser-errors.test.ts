import { describe, expect, it } from 'vitest';
import { browserError, isHtml, normalizeUrl } from './browser-errors';

describe('browser-errors', () => {
  it.each([
    { name: 'refused', error: 'refused', host: 'localhost', code: 'ERR_CONNECTION_REFUSED', detail: 'localhost refused to connect.' },
    { name: 'unknown host', error: 'resolve', host: 'shop.example', code: 'DNS_PROBE_FINISHED_NXDOMAIN', detail: 'shop.example’s server IP address could not be found.' },
    { name: 'timeout', error: 'timeout', host: '10.0.0.1', code: 'ERR_CONNECTION_TIMED_OUT', detail: '10.0.0.1 took too long to respond.' },
  ])('$name', ({ error, host, code, detail }) => {
    expect(browserError(error, host)).toMatchObject({ code, detail });
  });

  it.each([
    { name: 'host and port', typed: 'localhost:8080', url: 'http://localhost:8080' },
    { name: 'with scheme', typed: ' https://192.168.49.2:30080/x ', url: 'https://192.168.49.2:30080/x' },
    { name: 'empty', typed: '  ', url: '' },
  ])('normalizes $name', ({ typed, url }) => {
    expect(normalizeUrl(typed)).toBe(url);
  });

  it('tells a page from text', () => {
    expect(isHtml({ 'Content-Type': 'text/html' }, 'x')).toBe(true);
    expect(isHtml({ 'content-type': 'text/plain; charset=utf-8' }, '<html>')).toBe(false);
    expect(isHtml({}, '<!DOCTYPE html>\n<html>')).toBe(true);
  });
});
