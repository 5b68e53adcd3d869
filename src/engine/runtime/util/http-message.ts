// HTTP details shared by the simulated servers and clients: reason phrases and URL parsing.

/** Reason phrases (RFC 9110; nginx words 405 and 504 its own way, see nginxReason). */
export const STATUS_TEXT: Record<number, string> = {
  200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 206: 'Partial Content', 301: 'Moved Permanently', 302: 'Found',
  303: 'See Other', 304: 'Not Modified', 307: 'Temporary Redirect', 308: 'Permanent Redirect', 400: 'Bad Request',
  401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 408: 'Request Timeout', 409: 'Conflict',
  413: 'Payload Too Large', 429: 'Too Many Requests', 500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway',
  503: 'Service Unavailable', 504: 'Gateway Timeout',
};

/** The reason phrase of a status. */
export function reasonPhrase(status: number): string {
  return STATUS_TEXT[status] ?? '';
}

/** A parsed http(s) URL. */
export interface Url {
  scheme: 'http' | 'https';
  host: string;
  port: number;
  /** Path with query ("/", "/api?x=1"). */
  path: string;
  /** host[:port] as the Host header carries it. */
  hostHeader: string;
}

/** Parses "http://host:port/path", "host/path" (scheme defaults to http). */
export function parseUrl(raw: string): Url | undefined {
  const m = /^(?:(https?):\/\/)?([^/:?#\s]+)(?::(\d+))?([^#\s]*)/i.exec(raw.trim());
  if (!m || !m[2]) return undefined;
  const scheme = (m[1]?.toLowerCase() ?? 'http') as 'http' | 'https';
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  const path = m[4] ? (m[4].startsWith('/') ? m[4] : `/${m[4]}`) : '/';
  return { scheme, host: m[2], port, path, hostHeader: m[3] ? `${m[2]}:${m[3]}` : m[2] };
}

/** Content-Type by file extension (nginx mime.types essentials). */
export function mimeType(path: string): string {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  return ({ html: 'text/html', htm: 'text/html', css: 'text/css', js: 'application/javascript', json: 'application/json',
    txt: 'text/plain', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', svg: 'image/svg+xml',
    xml: 'text/xml', ico: 'image/x-icon' } as Record<string, string>)[ext] ?? 'application/octet-stream';
}

/** Byte length of a body (Content-Length). */
export function byteLength(s: string): number {
  // ASCII (nearly every simulated body) is one byte per character.
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return new TextEncoder().encode(s).length;
  return s.length;
}
