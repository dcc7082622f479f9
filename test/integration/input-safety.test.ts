// What JSON lets through must not turn into a crash or into text other than what was sent, and
// every host must say so alike: a direct call to the core, the web host over real HTTP (the core
// on its thread, as `npm run web` runs it) and the command line in a child process. Nesting too
// deep, an unpaired surrogate, bytes that are not UTF-8 and a key given twice are refused as
// invalid_input naming the field; text with tabs and spaces around it is kept as it is.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core.ts';
import type { CoreClient } from '../../electron/core/worker/client.ts';
import { startHttpHost, type HttpHost } from '../../electron/host/http-host.ts';
import type { Customer, ProjectDetail } from '../../shared/domain.ts';
import { ApiError, type ApiErrorBody } from '../../shared/errors.ts';
import { checkJsonText, checkJsonValue, fieldOfPath } from '../../shared/json-check.ts';
import { MAX_NESTING } from '../../shared/limits.ts';
import type { Pack } from '../../shared/workshops/pack.ts';
import type { PackSummary } from '../../shared/workshops/types.ts';
import { dumpDatabase, openTestCore, removeTempDirs, startTestCore, tempDir } from '../support/temp-store.ts';

const BIN = 'electron/cli/fieldbook.ts';
const MISSING_ID = '01a20f34-fa71-7502-8018-087eb9ad0250';

let core: Core;
let thread: CoreClient;
let host: HttpHost;
let cliDir: string;

beforeAll(async () => {
  core = openTestCore();
  thread = await startTestCore();
  host = await startHttpHost({ core: thread, staticDir: tempDir() });
  cliDir = tempDir();
});
afterAll(async () => {
  core.close();
  await host.close();
  await thread.close();
  removeTempDirs();
});

/** A direct call's refusal (thrown, and an ApiError: not a RangeError from deep inside). */
function directRefusal(method: string, input: unknown): ApiErrorBody {
  try {
    core.call(method, input);
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return (error as ApiError).toJSON();
  }
  throw new Error(`${method} was not refused`);
}

async function overHttp(method: string, body: string | Uint8Array<ArrayBuffer>): Promise<{ status: number; body: { result?: unknown; error?: ApiErrorBody } }> {
  const res = await fetch(`http://127.0.0.1:${host.port}/api/${method}`, { method: 'POST', headers: { Authorization: `Bearer ${host.token}` }, body });
  return { status: res.status, body: (await res.json()) as { result?: unknown; error?: ApiErrorBody } };
}

/**
 * The command line with the input as its argument, or (stdin given) read from stdin with `-`. Run
 * without blocking: the web host answers on this test's own event loop, and a blocked loop would
 * let its keep-alive connections time out under the next request.
 */
async function cli(method: string, input: { argument: string } | { stdin: string | Uint8Array }): Promise<{ status: number | null; stdout: string; error?: ApiErrorBody }> {
  const fromStdin = 'stdin' in input;
  const child = spawn(process.execPath, [BIN, '--data-dir', cliDir, 'call', method, fromStdin ? '-' : input.argument]);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  child.stdin.end(fromStdin ? input.stdin : undefined);
  const [status] = (await once(child, 'close')) as [number | null];
  return { status, stdout, ...(stderr ? { error: (JSON.parse(stderr) as { error: ApiErrorBody }).error } : {}) };
}

/** Arrays in arrays, `levels` deep, as JSON text. */
const nested = (levels: number): string => '['.repeat(levels) + ']'.repeat(levels);

describe('input nested too deep', () => {
  // The input object is the first level, so the value refused is the first array below the limit.
  const field = ['value', ...Array<number>(MAX_NESTING - 1).fill(0)].join('.');
  const answer = (value: string): string => `{"sessionId":"${MISSING_ID}","field":"authPlugin","value":${value}}`;

  it('is refused naming the field where the limit is passed, alike on every host', async () => {
    const text = answer(nested(100_000));
    const direct = directRefusal('answers.set', JSON.parse(text));
    expect(direct).toMatchObject({ code: 'invalid_input', field });
    expect(direct.message).toContain(`Nested more than ${MAX_NESTING} levels deep`);

    const http = await overHttp('answers.set', text);
    expect(http).toEqual({ status: 400, body: { error: direct } });

    expect(await cli('answers.set', { stdin: text })).toMatchObject({ status: 1, stdout: '', error: direct });
    // An argument is bounded by the system (128 KiB on Linux): deep enough all the same.
    expect(await cli('answers.set', { argument: answer(nested(30_000)) })).toMatchObject({ status: 1, error: direct });
  });

  it('is only what passes the limit: an input nested exactly as deep goes on to its checks', async () => {
    // The session does not exist: the refusal comes from the handler, past the depth check.
    const text = answer(nested(MAX_NESTING - 1));
    expect(directRefusal('answers.set', JSON.parse(text))).toMatchObject({ code: 'not_found', field: 'sessionId' });
    expect((await overHttp('answers.set', text)).body.error).toMatchObject({ code: 'not_found', field: 'sessionId' });
    expect(directRefusal('answers.set', JSON.parse(answer(nested(MAX_NESTING))))).toMatchObject({ code: 'invalid_input', field });
  });

  it('in a pack is refused with its line and column, before anything is built from it', () => {
    const json = `{\n  "id": "deep",\n  "topics": ${nested(100_000)}\n}`;
    const refused = directRefusal('packs.import', { json });
    expect(refused).toMatchObject({ code: 'invalid_input', field: 'json' });
    expect(refused.message).toContain(`line 3, column ${13 + MAX_NESTING - 1}: Nested more than ${MAX_NESTING} levels deep`);
  });
});

describe('text that is not Unicode', () => {
  it('is refused when a string holds an unpaired surrogate, naming the field and why, alike on every host', async () => {
    const text = '{"name":"Nordhafen \\ud800"}';
    const direct = directRefusal('customers.create', JSON.parse(text));
    expect(direct).toEqual({
      code: 'invalid_input',
      field: 'name',
      message: 'name: Contains an unpaired surrogate (U+D800 at character 11): that is no character, so it cannot be stored as text',
      issues: [{ field: 'name', message: 'Contains an unpaired surrogate (U+D800 at character 11): that is no character, so it cannot be stored as text' }],
    });
    expect(await overHttp('customers.create', text)).toEqual({ status: 400, body: { error: direct } });
    expect(await cli('customers.create', { argument: text })).toMatchObject({ status: 1, stdout: '', error: direct });
    expect(await cli('customers.create', { stdin: text })).toMatchObject({ status: 1, stdout: '', error: direct });
    expect(core.call('customers.list', { includeArchived: true })).toEqual([]);
  });

  it('is refused wherever the string is: deep in a value, or as a key', () => {
    const refusedCell = directRefusal('answers.set', { sessionId: MISSING_ID, field: 'ldapHosts', value: ['ldap1.example.com', 'ldap\udc00'] });
    expect(refusedCell).toMatchObject({ code: 'invalid_input', field: 'value.1' });
    expect(refusedCell.message).toContain('U+DC00 at character 5');
    expect(directRefusal('answers.set', { sessionId: MISSING_ID, field: 'hosts', value: [{ '\ud83dkey': 'x' }] })).toMatchObject({
      code: 'invalid_input',
      field: 'value.0.\\ud83dkey',
      message: expect.stringContaining('The key contains an unpaired surrogate (U+D83D at character 1)') as unknown,
    });
  });

  it('is refused when the bytes are not UTF-8, instead of read as U+FFFD', async () => {
    // ED A0 80 would be U+D800 in UTF-8, were surrogates allowed there.
    const bytes = new Uint8Array([...Buffer.from('{"name":"Nordhafen '), 0xed, 0xa0, 0x80, ...Buffer.from('"}')]);
    const http = await overHttp('customers.create', bytes);
    expect(http).toMatchObject({ status: 400, body: { error: { code: 'invalid_input', field: '(body)' } } });
    expect(http.body.error!.message).toContain('not valid UTF-8');
    const viaCli = await cli('customers.create', { stdin: bytes });
    expect(viaCli).toMatchObject({ status: 1, stdout: '', error: { code: 'invalid_input', field: '(input)' } });
    expect(viaCli.error!.message).toContain('not valid UTF-8');
  });
});

describe('text around a name or title', () => {
  it('is kept as it was sent, tabs and spaces included, on every host', async () => {
    const name = '\tStadtwerke Nordhafen ';
    expect((core.call('customers.create', { name }) as Customer).name).toBe(name);
    const http = await overHttp('customers.create', JSON.stringify({ name }));
    expect((http.body.result as Customer).name).toBe(name);
    const viaCli = await cli('customers.create', { argument: JSON.stringify({ name }) });
    expect((JSON.parse(viaCli.stdout) as Customer).name).toBe(name);

    const customer = core.call('customers.create', { name: 'Nordhafen' }) as Customer;
    const { project } = core.call('projects.create', { customerId: customer.id, name: 'Webmail' }) as ProjectDetail;
    const title = '\t- provide test accounts\n';
    const created = core.call('requirements.create', { projectId: project.id, title }) as { id: string; title: string };
    expect(created.title).toBe(title);
    expect(core.call('requirements.get', { id: created.id })).toMatchObject({ requirement: { title } });
  });

  it('is refused as empty when there is nothing else', () => {
    for (const name of ['', ' ', '\t\n']) {
      expect(directRefusal('customers.create', { name })).toMatchObject({ code: 'invalid_input', field: 'name', issues: [{ field: 'name', reason: 'empty' }] });
    }
  });
});

describe('a key given twice', () => {
  it('in a request is refused naming it, where JSON.parse would keep the last value unsaid', async () => {
    const text = '{"name":"Nordhafen","notes":"first","notes":"second"}';
    const http = await overHttp('customers.create', text);
    expect(http).toMatchObject({ status: 400, body: { error: { code: 'invalid_input', field: 'notes' } } });
    expect(await cli('customers.create', { argument: text })).toMatchObject({ status: 1, stdout: '', error: http.body.error });
  });

  it('in a pack is refused with the key, its line and column, and nothing is imported', () => {
    const bundled = JSON.stringify(core.call('packs.get', { id: 'ox-app-suite' }), null, 2);
    const before = dumpDatabase(core);

    // Top level: the later version would win.
    const topLevel = bundled.replace('"version": 1,', '"version": 1,\n  "version": 2,');
    const top = directRefusal('packs.import', { json: topLevel });
    expect(top).toMatchObject({ code: 'invalid_input', field: 'json' });
    expect(top.message).toContain('line 4, column 3: The key "version" is given more than once in this object; JSON would keep only the last (at version; first given on line 3, column 3)');

    // Nested, in the first field of the first topic: its first label would be lost.
    const firstLabel = bundled.indexOf('"label": {');
    const inField = `${bundled.slice(0, firstLabel)}"label": { "en": "Lost", "de": "Verloren" },\n        ${bundled.slice(firstLabel)}`;
    const lines = inField.slice(0, firstLabel).split('\n');
    const nestedRefusal = directRefusal('packs.import', { json: inField });
    expect(nestedRefusal.message).toContain(
      `line ${lines.length + 1}, column 9: The key "label" is given more than once in this object; JSON would keep only the last (at topics[0].fields[0].label; first given on line ${lines.length}, column ${lines.at(-1)!.length + 1})`,
    );

    expect(dumpDatabase(core)).toEqual(before);
    expect((core.call('packs.list', {}) as PackSummary[]).map((p) => [p.id, p.versions])).toEqual([['ox-app-suite', [1]]]);
  });

  it('is not found where a pack only looks alike: the same key in different objects, or inside a string', () => {
    const own = openTestCore();
    const bundled = own.call('packs.get', { id: 'ox-app-suite' }) as Pack;
    const newer = { ...bundled, version: 2, description: { en: 'Keys "key": "key", and {"version": 3}', de: '"version", "version"' } };
    expect(own.call('packs.import', { json: JSON.stringify(newer, null, 2) })).toMatchObject({ id: 'ox-app-suite', version: 2 });
    const customer = own.call('customers.create', { name: 'Pack user' }) as Customer;
    const { project } = own.call('projects.create', { customerId: customer.id, name: 'P' }) as ProjectDetail;
    expect(own.call('sessions.create', { projectId: project.id, topicKey: 'authentication' })).toMatchObject({ packVersion: 2 });
    own.close();
  });
});

describe('reading JSON text for these problems', () => {
  const found = (text: string) => checkJsonText(text).map((p) => [fieldOfPath(p.path), p.message.split(' is given')[0]]);

  it('tells keys from strings that look like them, and objects apart', () => {
    expect(found('{"a":"x\\\\","a":1}')).toEqual([['a', 'The key "a"']]);
    expect(found('{"\\u0061":1,"a":2}')).toEqual([['a', 'The key "a"']]);
    expect(found('{"a":"\\"a\\":1, {\\"a\\": [","b":{"a":1,"b":[{"a":1},{"a":2}]}}')).toEqual([]);
    expect(found('[{"k":1},{"k":1}]')).toEqual([]);
    expect(found('{"list":[1,{"x":1,"x":2}]}')).toEqual([['list.1.x', 'The key "x"']]);
  });

  it('counts nesting as the value check does, up to the limit and no further', () => {
    expect(checkJsonText(nested(MAX_NESTING))).toEqual([]);
    expect(checkJsonValue(JSON.parse(nested(MAX_NESTING)))).toBeNull();
    const text = checkJsonText(nested(MAX_NESTING + 1));
    expect(text).toEqual([expect.objectContaining({ path: Array<number>(MAX_NESTING).fill(0), fatal: true })]);
    expect(checkJsonValue(JSON.parse(nested(MAX_NESTING + 1)))).toMatchObject({ path: text[0]!.path, message: text[0]!.message });
  });

  it('ends on a value that contains itself, as on one nested too deep', () => {
    const loop: Record<string, unknown> = { name: 'x' };
    loop.self = loop;
    expect(checkJsonValue(loop)).toMatchObject({ path: Array<string>(MAX_NESTING).fill('self') });
  });
});
