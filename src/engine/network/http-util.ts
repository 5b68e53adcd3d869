// HTTP details the network needs: URL parsing as curl reads a URL (stricter than the servers' own parser),
// dates, and the reason phrases shared with the simulated servers.

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

// Reason phrases and Content-Length are the simulated servers' own (one table for both sides of a request).
export { reasonPhrase as statusText, byteLength } from '../runtime/util/http-message';

/** An HTTP date ("Wed, 15 Jan 2025 09:00:00 GMT") of an instant. */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}
