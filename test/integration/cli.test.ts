// The command line as a user runs it: `fieldbook --data-dir DIR ...` in a child process.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Customer, ProjectDetail } from '../../shared/domain.ts';
import { METHOD_NAMES } from '../../shared/api.ts';
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

  it('is the package bin, runnable straight from the source tree', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string> };
    expect(pkg.bin.fieldbook).toBe(BIN);
    expect(readFileSync(BIN, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync(BIN).mode & 0o111).not.toBe(0);
  });

  it('explains usage mistakes', () => {
    const result = fieldbook('frobnicate');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Unknown command "frobnicate"[\s\S]*Usage:/);
  });
});
