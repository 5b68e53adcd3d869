// What a browser says when a page cannot be had, in Chromium's words (net error names and the
// "This site can't be reached" page), for the failures the simulated network reports.

/** Chromium's error page for a failed request: title, explanation, net error code. */
export interface BrowserError {
  title: string;
  detail: string;
  code: string;
}

/** The error page for a failure kind of network.request (curl's kinds). */
export function browserError(error: string, host: string): BrowserError {
  const unreachable = 'This site can’t be reached';
  switch (error) {
    case 'refused': return { title: unreachable, detail: `${host} refused to connect.`, code: 'ERR_CONNECTION_REFUSED' };
    case 'resolve': return { title: unreachable, detail: `${host}’s server IP address could not be found.`, code: 'DNS_PROBE_FINISHED_NXDOMAIN' };
    case 'dns-timeout': return { title: unreachable, detail: `${host}’s DNS address could not be found.`, code: 'DNS_PROBE_FINISHED_NO_INTERNET' };
    case 'timeout': return { title: unreachable, detail: `${host} took too long to respond.`, code: 'ERR_CONNECTION_TIMED_OUT' };
    case 'unreachable': return { title: unreachable, detail: `${host} is unreachable.`, code: 'ERR_ADDRESS_UNREACHABLE' };
    case 'empty': return { title: 'This page isn’t working', detail: `${host} didn’t send any data.`, code: 'ERR_EMPTY_RESPONSE' };
    case 'tls': return { title: 'This site can’t provide a secure connection', detail: `${host} sent an invalid response.`, code: 'ERR_SSL_PROTOCOL_ERROR' };
    case 'bad-url': return { title: 'That address is not a web address', detail: `“${host}” is not a URL this browser can open.`, code: 'ERR_INVALID_URL' };
    default: return { title: unreachable, detail: `${host}: ${error}`, code: 'ERR_FAILED' };
  }
}

/** A URL as typed, made whole: a scheme is added (http), as the address bar does. */
export function normalizeUrl(typed: string): string {
  const t = typed.trim();
  if (!t) return '';
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(t) ? t : `http://${t}`;
}

/** True when the response is a page to render (HTML), not text to show. */
export function isHtml(headers: Record<string, string>, body: string): boolean {
  const ct = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '';
  if (ct) return /html/i.test(ct);
  return /^\s*<(!doctype html|html)/i.test(body);
}

/** HTTP reason phrases of the status codes the simulated servers answer. */
export function reasonPhrase(status: number): string {
  return ({ 200: 'OK', 201: 'Created', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 304: 'Not Modified', 400: 'Bad Request',
    401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 500: 'Internal Server Error', 502: 'Bad Gateway',
    503: 'Service Unavailable', 504: 'Gateway Timeout' } as Record<number, string>)[status] ?? '';
}
