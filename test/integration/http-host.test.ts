// The local web host over real HTTP on 127.0.0.1, with the core on its thread as `npm run web`
// runs it: the token is required, errors keep their shape, and the UI files are served with the
// security headers.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../electron/core/worker/client.ts';
import { startHttpHost, type HttpHost } from '../../electron/host/http-host.ts';
import { dumpDataDir, removeTempDirs, startTestCore, tempDir } from '../support/temp-store.ts';

let dataDir: string;
let core: CoreClient;
let host: HttpHost;
let base: string;

beforeEach(async () => {
  dataDir = tempDir();
  core = await startTestCore(dataDir);
  const staticDir = tempDir('fieldbook-ui-');
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Fieldbook</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  host = await startHttpHost({ core, staticDir });
  base = `http://127.0.0.1:${host.port}`;
});
afterEach(async () => {
  await host.close();
  await core.close();
  removeTempDirs();
});

function callApi(method: string, body: unknown, headers: Record<string, string> = { Authorization: `Bearer ${host.token}` }) {
  return fetch(`${base}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

describe('the local web host', () => {
  it('prints a URL on 127.0.0.1 carrying a fresh random token', async () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
    const other = await startHttpHost({ core, staticDir: tempDir() });
    expect(other.token).not.toBe(host.token);
    await other.close();
  });

  it('refuses API calls without the token, or with a wrong one, and writes nothing', async () => {
    const before = dumpDataDir(dataDir);
    const attempts: Record<string, string>[] = [{}, { Authorization: 'Bearer wrong' }, { Authorization: host.token }, { Cookie: `fieldbook_token=${host.token}` }];
    for (const headers of attempts) {
      const res = await callApi('customers.create', { name: 'Intruder' }, headers);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } });
    }
    expect(dumpDataDir(dataDir)).toEqual(before);
  });

  it('refuses pages without the token and sets a cookie when the URL carries it', async () => {
    expect((await fetch(`${base}/`)).status).toBe(401);
    expect((await fetch(`${base}/assets/app.js`)).status).toBe(401);
    const page = await fetch(host.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).not.toContain('unsafe-eval');
    const cookie = page.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const asset = await fetch(`${base}/assets/app.js`, { headers: { Cookie: cookie.split(';')[0]! } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
  });

  it('refuses requests for another Host name (DNS rebinding)', async () => {
    const http = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: host.port, path: `/?token=${host.token}`, headers: { Host: 'evil.example:80' } },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(401);
  });

  it('serves the API with the token and keeps the error shape', async () => {
    const created = await callApi('customers.create', { name: 'Nordhafen' });
    expect(created.status).toBe(200);
    const { result } = (await created.json()) as { result: { id: string; name: string } };
    expect(result.name).toBe('Nordhafen');

    const bad = await callApi('projects.create', { customerId: result.id });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'invalid_input', field: 'name' } });

    const gate = await callApi('projects.create', { customerId: result.id, name: 'P' });
    const { result: detail } = (await gate.json()) as { result: { project: { id: string } } };
    const refused = await callApi('projects.setPhase', { id: detail.project.id, phase: 'concept' });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ error: { code: 'gate_not_go', field: 'phase' } });

    const notJson = await fetch(`${base}/api/customers.list`, { method: 'POST', headers: { Authorization: `Bearer ${host.token}` }, body: '{oops' });
    expect(notJson.status).toBe(400);
    expect((await callApi('nothing.here', {})).status).toBe(404);
  });

  it('does not serve files outside the UI folder', async () => {
    const headers = { Cookie: `fieldbook_token=${host.token}` };
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json', '/assets%5c..%5cindex.html']) {
      const res = await fetch(`${base}${path}`, { headers });
      const text = await res.text();
      expect(text).not.toContain('"name"');
    }
  });
});
