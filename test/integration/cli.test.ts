// The command line as a user runs it: `fieldbook --data-dir DIR ...` in a child process.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Customer, ProjectDetail } from '../../shared/domain.ts';
import type { Pack } from '../../shared/workshops/pack.ts';
import type { TopicDetail } from '../../shared/workshops/types.ts';
import { METHOD_NAMES } from '../../shared/api.ts';
import { MAX_REQUEST_BYTES, megabytes } from '../../shared/limits.ts';
import { dumpDatabase, openTestCore, removeTempDirs, tempDir } from '../support/temp-store.ts';

const BIN = 'electron/cli/fieldbook.ts';

function fieldbook(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

afterEach(removeTempDirs);

describe('the fieldbook command line', () => {
  it('lists every method with its input JSON schema', () => {
    const methods = JSON.parse(execFileSync(process.execPath, [BIN, '--data-dir', tempDir(), 'methods'], { encoding: 'utf8' })) as {
      name: string;
      input: { type: string; properties: Record<string, unknown>; required?: string[] };
    }[];
    expect(methods.map((m) => m.name)).toEqual(METHOD_NAMES);
    const create = methods.find((m) => m.name === 'customers.create')!;
    expect(create.input.type).toBe('object');
    expect(create.input.required).toEqual(['name']);
    expect(Object.keys(create.input.properties)).toEqual(['name', 'address', 'notes', 'logo']);
  });

  it('round-trips data through call: created in one process, read in the next', () => {
    const dir = tempDir();
    const created = fieldbook('--data-dir', dir, 'call', 'customers.create', JSON.stringify({ name: 'Stadtwerke Nordhafen', notes: 'Zeile 1\n"Zitat" äöü ß' }));
    expect(created.status).toBe(0);
    const customer = JSON.parse(created.stdout) as Customer;
    const project = fieldbook('--data-dir', dir, 'call', 'projects.create', JSON.stringify({ customerId: customer.id, name: 'Webmail' }));
    expect(project.status).toBe(0);
    const { project: p } = JSON.parse(project.stdout) as ProjectDetail;

    const read = fieldbook('--data-dir', dir, 'call', 'projects.get', JSON.stringify({ id: p.id }));
    expect(read.status).toBe(0);
    expect(JSON.parse(read.stdout)).toMatchObject({ customer: { name: 'Stadtwerke Nordhafen', notes: 'Zeile 1\n"Zitat" äöü ß' }, project: { name: 'Webmail' } });
  });

  it('prints a JSON error naming the field on stderr, exits non-zero and writes nothing', () => {
    const dir = tempDir();
    const seeded = openTestCore(dir);
    seeded.call('customers.create', { name: 'Existing' });
    const before = dumpDatabase(seeded);
    seeded.close();

    const missing = fieldbook('--data-dir', dir, 'call', 'customers.create', '{"address":"Somewhere"}');
    expect(missing.status).not.toBe(0);
    expect(missing.stdout).toBe('');
    expect(JSON.parse(missing.stderr)).toMatchObject({ error: { code: 'invalid_input', field: 'name' } });

    const unknownId = fieldbook('--data-dir', dir, 'call', 'projects.create', '{"customerId":"01a20f34-fa71-7502-8018-087eb9ad0250","name":"X"}');
    expect(unknownId.status).not.toBe(0);
    expect(JSON.parse(unknownId.stderr)).toMatchObject({ error: { code: 'not_found', field: 'customerId' } });

    const badJson = fieldbook('--data-dir', dir, 'call', 'customers.create', '{name: Existing}');
    expect(badJson.status).not.toBe(0);
    expect(JSON.parse(badJson.stderr)).toMatchObject({ error: { code: 'invalid_input' } });

    const unknownMethod = fieldbook('--data-dir', dir, 'call', 'customers.destroy', '{}');
    expect(JSON.parse(unknownMethod.stderr)).toMatchObject({ error: { code: 'unknown_method', field: 'method' } });

    const after = openTestCore(dir);
    expect(dumpDatabase(after)).toEqual(before);
    after.close();
  });

  it('runs a workshop: the bundled pack found from the source tree, a pack read from stdin', () => {
    const dir = tempDir();
    const run = (method: string, input: unknown) => JSON.parse(fieldbook('--data-dir', dir, 'call', method, JSON.stringify(input)).stdout) as Record<string, unknown>;
    const customer = run('customers.create', { name: 'Stadtwerke Nordhafen' });
    const { project } = run('projects.create', { customerId: customer.id, name: 'Webmail' }) as unknown as ProjectDetail;
    const session = run('sessions.create', { projectId: project.id, topicKey: 'authentication' });
    const topic = run('answers.set', { sessionId: session.id, field: 'authPlugin', value: 'ldap' }) as unknown as TopicDetail;
    expect(topic.completeness.missingRequired).toEqual(['contextModel', 'ldapHosts']);

    const pack = run('packs.export', { id: 'ox-app-suite' }) as { json: string };
    const newer = { ...(JSON.parse(pack.json) as Pack), version: 2 };
    const imported = spawnSync(process.execPath, [BIN, '--data-dir', dir, 'call', 'packs.import', '-'], { input: JSON.stringify({ json: JSON.stringify(newer) }), encoding: 'utf8' });
    expect(imported.stderr).toBe('');
    expect(JSON.parse(imported.stdout)).toMatchObject({ id: 'ox-app-suite', version: 2, versions: [2, 1] });
  });

  it('refuses stdin over the limit every host shares, naming it, and writes nothing', () => {
    const dir = tempDir();
    // Valid JSON, so that only its size is wrong: a CSV file as large as the request limit.
    const input = JSON.stringify({ projectId: '01a20f34-fa71-7502-8018-087eb9ad0250', csv: 'x'.repeat(MAX_REQUEST_BYTES) });
    const result = spawnSync(process.execPath, [BIN, '--data-dir', dir, 'call', 'requirements.previewImport', '-'], { input, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(JSON.parse(result.stderr)).toEqual({
      error: { code: 'invalid_input', field: '(input)', message: expect.stringMatching(new RegExp(`^The input on stdin is larger than ${megabytes(MAX_REQUEST_BYTES)}`)) as unknown },
    });
  });

  it('is the package bin, runnable straight from the source tree', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string> };
    expect(pkg.bin.fieldbook).toBe(BIN);
    expect(readFileSync(BIN, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync(BIN).mode & 0o111).not.toBe(0);
  });

  it('prints nothing on stderr when a call succeeds, run directly or through npx', () => {
    const dir = tempDir();
    const direct = fieldbook('--data-dir', dir, 'call', 'customers.list', '{}');
    expect({ status: direct.status, stderr: direct.stderr }).toEqual({ status: 0, stderr: '' });

    // `npx fieldbook` as a script's shell runs it: npm on the machine's own Node, not on the
    // project's Node 24 that npm put first on this test's PATH. npm checks the package when it
    // first links the bin into its npx cache, so the cache is a fresh one (offline: nothing to fetch).
    const machinePath = process.env.PATH!.split(delimiter).filter((p) => !p.endsWith(join('node_modules', '.bin')));
    const env = { ...process.env, PATH: machinePath.join(delimiter), npm_config_cache: tempDir(), npm_config_offline: 'true' };
    const viaNpx = spawnSync('npx', ['fieldbook', '--data-dir', dir, 'call', 'customers.list', '{}'], { encoding: 'utf8', env });
    expect({ status: viaNpx.status, stderr: viaNpx.stderr }).toEqual({ status: 0, stderr: '' });
    expect(JSON.parse(viaNpx.stdout)).toEqual([]);
  });

  it('ends quietly when the reader closes the pipe early, as `| head -1` does', async () => {
    // The pack is well over a pipe's buffer (64 KiB), so most of it is still unwritten when the pipe closes.
    const child = spawn(process.execPath, [BIN, '--data-dir', tempDir(), 'call', 'packs.export', '{"id":"ox-app-suite"}'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.stdout.once('data', () => child.stdout.destroy());
    const [status, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null];
    expect({ status, signal, stderr }).toEqual({ status: 0, signal: null, stderr: '' });
  });

  it('explains usage mistakes', () => {
    const result = fieldbook('frobnicate');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Unknown command "frobnicate"[\s\S]*Usage:/);
  });
});
