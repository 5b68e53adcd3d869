// The responses ingress-nginx's nginx makes itself: its error pages (server_tokens off, so the
// footer says only "nginx") and the HTTPS redirect. Its nginx.tmpl clears the Server header
// (more_clear_headers Server) and hides upstream Server/Date headers (proxy_pass defaults).
import type { HttpResponse } from '../../runtime/cri';
import { byteLength, httpDate, statusText } from '../http-util';

const REASON: Record<number, string> = { 503: 'Service Temporarily Unavailable', 504: 'Gateway Time-out', 308: 'Permanent Redirect' };

/** nginx's reason phrase (it says "Service Temporarily Unavailable" for 503, "Gateway Time-out" for 504). */
export function nginxReason(status: number): string {
  return REASON[status] ?? statusText(status);
}

/** nginx's built-in error page for a status (CRLF line ends, as nginx sends it). */
export function errorPage(status: number): string {
  const title = `${status} ${nginxReason(status)}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n` +
    '<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
}

/** An error response from the controller's nginx (404 from the default backend, 503 without endpoints). */
export function errorResponse(status: number, now: number): HttpResponse {
  const body = errorPage(status);
  return { status, headers: { Date: httpDate(now), 'Content-Type': 'text/html', 'Content-Length': String(byteLength(body)),
    Connection: 'keep-alive' }, body };
}

/** The 308 to https that ssl-redirect sends for a host with a TLS section. */
export function redirectResponse(location: string, now: number): HttpResponse {
  const body = errorPage(308);
  return { status: 308, headers: { Date: httpDate(now), 'Content-Type': 'text/html', 'Content-Length': String(byteLength(body)),
    Connection: 'keep-alive', Location: location }, body };
}
