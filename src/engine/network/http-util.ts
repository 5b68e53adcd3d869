// HTTP details the network needs on its own: URL parsing (as curl reads a URL) and reason phrases.

/** A parsed http(s) URL. */
export interface ParsedUrl {
  scheme: 'http' | 'https';
  host: string;
  port: number;
  /** Path and query ("/", "/api?x=1"). */
  path: string;
  /** host[:port] as the Host header carries it. */
  hostHeader: string;
}

/** Parses "http://host:port/path" or "host/path" (scheme defaults to http); undefined when malformed. */
export function parseUrl(raw: string): ParsedUrl | undefined {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?(\[[^\]]*\]|[^/:?#\s]*)(?::(\d*))?([^#\s]*)/.exec(raw.trim());
  if (!m || !m[2]) return undefined;
  const scheme = (m[1] ?? 'http').toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return undefined;
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  if (!Number.isInteger(port) || port < 0 || port > 65535) return undefined;
  let path = m[4] || '/';
  if (!path.startsWith('/')) path = `/${path}`;
  const host = m[2].toLowerCase();
  return { scheme, host, port, path, hostHeader: m[3] ? `${host}:${port}` : host };
}

/** Reason phrases (RFC 9110); nginx words 503 "Service Temporarily Unavailable". */
export const STATUS_TEXT: Record<number, string> = {
  200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 206: 'Partial Content', 301: 'Moved Permanently', 302: 'Found',
  303: 'See Other', 304: 'Not Modified', 307: 'Temporary Redirect', 308: 'Permanent Redirect', 400: 'Bad Request',
  401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 408: 'Request Timeout', 409: 'Conflict',
  413: 'Payload Too Large', 429: 'Too Many Requests', 500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway',
  503: 'Service Unavailable', 504: 'Gateway Timeout',
};

/** The reason phrase of a status code. */
export function statusText(status: number): string {
  return STATUS_TEXT[status] ?? '';
}

/** Byte length of a UTF-8 text (Content-Length). */
export function byteLength(s: string): number {
  return new TextEncoder().encode(s).length;
}

/** An HTTP date ("Wed, 15 Jan 2025 09:00:00 GMT") of an instant. */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}
