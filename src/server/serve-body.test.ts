// Request bodies `kubesim serve` cannot parse are answered as the API server answers them (curl users see it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe, type ServeHandle } from './serve';

let serve: ServeHandle;
beforeAll(async () => { serve = await startServe({ seed: 1, speed: 0 }); });
afterAll(async () => { await serve?.close(); });

async function send(method: string, path: string, body: string, contentType = 'application/json') {
  const r = await fetch(`${serve.url}${path}`, { method, body, headers: { 'Content-Type': contentType } });
  return { code: r.status, body: (await r.json()) as { reason?: string; message?: string } };
}

describe('malformed request bodies', () => {
  it('a create: the serializer\'s words around encoding/json\'s, with the start of the body', async () => {
    const r = await send('POST', '/api/v1/namespaces/default/pods', '{apiVersion: v1, kind: Pod, metadata: {name: x}}');
    expect(r.code).toBe(400);
    expect(r.body.reason).toBe('BadRequest');
    expect(r.body.message).toBe('the object provided is unrecognized (must be of type Pod): couldn\'t get version/kind; json parse error: '
      + "invalid character 'a' looking for beginning of object key string ({apiVersion: v1, kind: Pod, me ...)");
  });
  it('a body that is not an object is summarised in hex', async () => {
    const r = await send('POST', '/api/v1/namespaces/default/configmaps', 'nope');
    expect(r.body.message).toBe('the object provided is unrecognized (must be of type ConfigMap): couldn\'t get version/kind; json parse error: '
      + "invalid character 'o' in literal null (expecting 'u') (6e6f7065)");
  });
  it('a patch: encoding/json\'s words alone', async () => {
    const r = await send('PATCH', '/api/v1/namespaces/default', '{metadata:{}}', 'application/strategic-merge-patch+json');
    expect(r.code).toBe(400);
    expect(r.body.message).toBe("invalid character 'm' looking for beginning of object key string");
  });
});
