// The local web host over real HTTP on 127.0.0.1, with the core on its thread as `npm run web`
// runs it: the token is required, pages of other origins are refused, a body is read up to the one
// limit every host shares, errors keep their shape, and the UI files are served with the security
// headers.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../electron/core/worker/client.ts';
import { startHttpHost, type HttpHost } from '../../electron/host/http-host.ts';
import { MAX_CSV_CHARS, MAX_REQUEST_BYTES, megabytes } from '../../shared/limits.ts';
import { PROGRESS_STREAM_TYPE, type StreamLine } from '../../shared/task-progress.ts';
import { CHECKLIST_MAPPING, checklistCsv, seedLongChecklist } from '../support/long-checklist.ts';
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
  it('streams the progress of long work to a caller that asks for it, then the answer', async () => {
    const projectId = await seedLongChecklist((method, input) => core.call(method, input), 0);
    const watched = { Authorization: `Bearer ${host.token}`, Accept: PROGRESS_STREAM_TYPE };
    const res = await callApi('requirements.import', { projectId, csv: checklistCsv(1_200), mapping: CHECKLIST_MAPPING }, watched);
    expect(res.headers.get('content-type')).toBe(`${PROGRESS_STREAM_TYPE}; charset=utf-8`);
    const lines = (await res.text()).trimEnd().split('\n').map((line) => JSON.parse(line) as StreamLine);
    expect(lines.at(-1)).toEqual({ result: { created: 1_200, updated: 0, skipped: 0 } });
    const progress = lines.slice(0, -1).map((line) => ('progress' in line ? line.progress : line));
    expect(progress).toContainEqual({ stage: 'rows', done: 500, total: 1_200 });
    expect(progress).toContainEqual({ stage: 'write', done: 1_200, total: 1_200 });

    // A refusal of the work itself comes as the stream's last line, with its field.
    const refused = await callApi('requirements.import', { projectId, csv: 'a,b\n1,2', mapping: 'nonsense' }, watched);
    expect((await refused.text()).trimEnd().split('\n').map((line) => JSON.parse(line) as StreamLine)).toEqual([
      { error: expect.objectContaining({ code: 'invalid_input', field: 'mapping' }) },
    ]);
  });

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

  it('leaves saving files on disk to the command line: an export with saveAs is refused and writes nothing', async () => {
    const { result: customer } = (await (await callApi('customers.create', { name: 'Nordhafen' })).json()) as { result: { id: string } };
    const { result: detail } = (await (await callApi('projects.create', { customerId: customer.id, name: 'P' })).json()) as { result: { project: { id: string } } };
    const target = join(dataDir, 'overwritten.pdf');
    const before = dumpDataDir(dataDir);
    const res = await callApi('documents.export', { projectId: detail.project.id, document: 'checklist', formats: ['pdf'], language: 'en', saveAs: { pdf: target } });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_input', field: 'saveAs', message: expect.stringContaining('only the command line') as unknown } });
    expect(existsSync(target)).toBe(false);
    expect(dumpDataDir(dataDir)).toEqual(before);
  });

  it('refuses API calls a page of another origin makes, even with the token; calls without Origin go on', async () => {
    const auth = { Authorization: `Bearer ${host.token}` };
    const own: Record<string, string>[] = [
      {},
      { Origin: `http://127.0.0.1:${host.port}`, 'Sec-Fetch-Site': 'same-origin' },
      { Origin: `http://localhost:${host.port}` },
    ];
    for (const headers of own) expect((await callApi('customers.create', { name: 'Own' }, { ...auth, ...headers })).status, JSON.stringify(headers)).toBe(200);

    const before = dumpDataDir(dataDir);
    const foreign: Record<string, string>[] = [
      { Origin: 'http://evil.example' },
      { Origin: `http://127.0.0.1:${host.port + 1}` },
      { Origin: `https://127.0.0.1:${host.port}` },
      { Origin: 'null' },
      { 'Sec-Fetch-Site': 'cross-site' },
      { 'Sec-Fetch-Site': 'same-site' },
    ];
    for (const headers of foreign) {
      const res = await callApi('customers.create', { name: 'Intruder' }, { ...auth, ...headers });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(await res.json()).toMatchObject({ error: { code: 'unauthorized', message: expect.stringContaining('only this host') as unknown } });
    }
    expect(dumpDataDir(dataDir)).toEqual(before);
  });

  it('answers a body over the limit with 413 naming it, whether it says its length or not', async () => {
    const limit = `${megabytes(MAX_REQUEST_BYTES)}`;
    const declared = await fetch(`${base}/api/customers.list`, { method: 'POST', headers: { Authorization: `Bearer ${host.token}` }, body: 'x'.repeat(MAX_REQUEST_BYTES + 1) });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ error: { code: 'invalid_input', field: '(body)', message: expect.stringContaining(`larger than ${limit}`) as unknown } });

    const chunk = new Uint8Array(1_000_000).fill(0x20);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > MAX_REQUEST_BYTES) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const chunked = await fetch(`${base}/api/customers.list`, { method: 'POST', headers: { Authorization: `Bearer ${host.token}` }, body: stream, duplex: 'half' } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(await chunked.json()).toMatchObject({ error: { code: 'invalid_input', field: '(body)', message: expect.stringContaining(`larger than ${limit}`) as unknown } });
  });

  it('takes a CSV file up to the limit however JSON escapes it: the CSV field is what is refused beyond it', async () => {
    // Every character a control character: six bytes each in JSON (\u0001), the most any takes.
    const body = JSON.stringify({ projectId: '01a20f34-fa71-7502-8018-087eb9ad0250', csv: '\u0001'.repeat(MAX_CSV_CHARS + 1) });
    expect(body.length).toBeGreaterThan(6 * MAX_CSV_CHARS);
    const res = await fetch(`${base}/api/requirements.previewImport`, { method: 'POST', headers: { Authorization: `Bearer ${host.token}` }, body });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_input', field: 'csv', message: `csv: The file is larger than ${megabytes(MAX_CSV_CHARS)}` } });
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
