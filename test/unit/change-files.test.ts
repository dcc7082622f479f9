// The file layer of sync through a shared folder, on real folders: change files are written whole
// or not at all and never overwritten, and a reader takes only whole, verified files of the device
// whose folder they are in; cut, empty, damaged, misplaced or newer files are skipped with the
// reason, a sync client's conflicted copy reads as the file itself, and a process killed while
// writing leaves nothing that reads as a change file.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { copyFileSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatStamp } from '../../electron/core/hlc.ts';
import {
  changesFolder,
  listChangeFiles,
  MAX_CHANGE_FILE_BYTES,
  readChangeFile,
  scanShare,
  SHARE_FORMAT,
  writeChangeFile,
  type FoundFile,
  type ReadChangeFile,
  type ShareChange,
  type Skipped,
} from '../../electron/core/sync/change-files.ts';
import { removeTempDirs, tempDir } from '../support/temp-store.ts';

afterEach(removeTempDirs);

const ME = 'a1b2c3d4e5f60718';
const OTHER = '0f1e2d3c4b5a6978';
const stamp = (ms: number, counter: number, device = ME) => formatStamp({ ms, counter }, device);
const header = (device = ME) => ({ device, number: 1, schema: 7, knows: { [OTHER]: stamp(5, 3, OTHER) }, written: '2026-11-30T12:00:00.000Z' });
const change = (counter: number, value: ShareChange['value'], device = ME): ShareChange => ({
  stamp: stamp(1_764_500_000_000, counter, device),
  entity: 'requirement',
  rowId: '0190d6e2-1c4b-7a00-8000-000000000001',
  field: 'description',
  value,
  schemaVersion: 7,
});

const VALUES: ShareChange['value'][] = [
  'two\nlines, "quoted", back\\slash, tab\t, CR\r, ünïcødé, 😀, U+2028 \u2028, NUL \u0000',
  '',
  '\ud800 a lone surrogate',
  0,
  -1.5,
  1e21,
  Number.MAX_SAFE_INTEGER,
  true,
  false,
  null,
];
const EVERY_VALUE = VALUES.map((value, i) => change(i, value));

function read(file: FoundFile): ReadChangeFile {
  const result = readChangeFile(file);
  if ('reason' in result) throw new Error(`skipped: ${result.reason}: ${result.detail}`);
  return result;
}

function skipped(file: FoundFile): Skipped {
  const result = readChangeFile(file);
  if (!('reason' in result)) throw new Error(`${file.path} was read`);
  return result;
}

/** A file under a name of our own choosing in a device's folder, as a sync client or a user leaves one. */
function place(share: string, device: string, name: string, bytes: Buffer | string): FoundFile {
  const folder = changesFolder(share, device);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, name), bytes);
  return { device, name, path: join(folder, name) };
}

/** One small file written, and its bytes. */
function small(share: string): { file: FoundFile; bytes: Buffer } {
  const name = writeChangeFile(share, header(), [change(0, 'short')]);
  const path = join(changesFolder(share, ME), name);
  return { file: { device: ME, name, path }, bytes: readFileSync(path) };
}

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** A file of the layout `lines` describe, with an end line and a name that fit its content. */
function handMade(lines: string[]): { name: string; bytes: Buffer } {
  const content = `${lines.join('\n')}\n`;
  const hash = sha256(content);
  return { name: `c-${stamp(1_764_500_000_000, 0).slice(0, 26)}-${hash.slice(0, 16)}.jsonl`, bytes: Buffer.from(`${content}{"end":"${hash}"}\n`) };
}

describe('a change file written to the share', () => {
  it('reads back every kind of value as written, in the documented layout', () => {
    const share = tempDir();
    const name = writeChangeFile(share, header(), EVERY_VALUE);

    const files = listChangeFiles(share);
    expect(files).toEqual([{ device: ME, name, path: join(share, 'fieldbook', 'devices', ME, 'changes', name) }]);
    const file = read(files[0]!);
    expect(file.changes).toEqual(EVERY_VALUE);
    expect(Object.is(file.changes[3]!.value, 0)).toBe(true);
    expect(file.header).toEqual({ format: SHARE_FORMAT, device: ME, number: 1, schema: 7, count: VALUES.length, knows: { [OTHER]: stamp(5, 3, OTHER) }, written: '2026-11-30T12:00:00.000Z' });
    expect(file.device).toBe(ME);

    // JSON Lines: the header, one array per change, the end line with the hash of all before it,
    // which is the file's id and starts the name after the first stamp's time and counter.
    const text = readFileSync(files[0]!.path, 'utf8');
    const lines = text.split('\n');
    expect(lines).toHaveLength(VALUES.length + 3);
    expect(lines.at(-1)).toBe('');
    expect(JSON.parse(lines[0]!)).toEqual({ fieldbook: 'changes', ...file.header });
    expect(JSON.parse(lines[1]!)).toEqual([EVERY_VALUE[0]!.stamp, 'requirement', EVERY_VALUE[0]!.rowId, 'description', VALUES[0], 7]);
    const endLine = lines.at(-2)!;
    const id = sha256(text.slice(0, text.length - endLine.length - 1));
    expect(endLine).toBe(`{"end":"${id}"}`);
    expect(file.id).toBe(id);
    expect(name).toBe(`c-001764500000000-0000000000-${id.slice(0, 16)}.jsonl`);
  });

  it('is written once: the same changes again give the same name and leave the file untouched', () => {
    const share = tempDir();
    const first = writeChangeFile(share, header(), EVERY_VALUE);
    const path = join(changesFolder(share, ME), first);
    const before = statSync(path);
    let renames = 0;
    // The same header built in another order is the same content.
    const reordered = { written: header().written, knows: { [OTHER]: stamp(5, 3, OTHER), ffff: stamp(1, 0, 'ffff') }, schema: 7, number: 1, device: ME };
    const again = writeChangeFile(share, header(), EVERY_VALUE, { rename: () => renames++ });
    expect(again).toBe(first);
    expect(renames).toBe(0);
    expect(statSync(path)).toMatchObject({ ino: before.ino, mtimeMs: before.mtimeMs });
    expect(readdirSync(changesFolder(share, ME))).toEqual([first]);

    const a = writeChangeFile(share, reordered, EVERY_VALUE);
    const b = writeChangeFile(share, { ...reordered, knows: { ffff: stamp(1, 0, 'ffff'), [OTHER]: stamp(5, 3, OTHER) } }, EVERY_VALUE);
    expect(b).toBe(a);
    expect(readdirSync(changesFolder(share, ME)).sort()).toEqual([first, a].sort());
  });

  it('reads a file written before files were numbered (share format 1 as released without it) as number 0', () => {
    const share = tempDir();
    const name = writeChangeFile(share, header(), EVERY_VALUE);
    const path = join(changesFolder(share, ME), name);
    // The same file as the released version wrote it: no number in the header, hash and name to match.
    const [head, ...rest] = readFileSync(path, 'utf8').split('\n');
    const { number: _number, ...unnumbered } = JSON.parse(head!) as Record<string, unknown>;
    const content = `${[JSON.stringify(unnumbered), ...rest.slice(0, -2)].join('\n')}\n`;
    const id = sha256(content);
    const legacy = join(changesFolder(share, ME), `${name.slice(0, name.lastIndexOf('-') + 1)}${id.slice(0, 16)}.jsonl`);
    writeFileSync(legacy, `${content}{"end":"${id}"}\n`);
    const file = listChangeFiles(share).find((f) => f.path === legacy)!;
    expect(read(file)).toMatchObject({ header: { number: 0, count: VALUES.length }, changes: EVERY_VALUE });
    // This version always numbers what it writes.
    expect(() => writeChangeFile(share, { ...header(), number: 0 }, EVERY_VALUE)).toThrow('the file number 0 is not a number from 1');
  });

  it('refuses changes the format cannot carry, writing nothing', () => {
    const share = tempDir();
    const refused = (h: ReturnType<typeof header>, changes: ShareChange[]) => () => writeChangeFile(share, h, changes);
    expect(refused(header(), [])).toThrow(/count 0 is not a number of changes/);
    expect(refused(header(), [change(0, 'x', OTHER)])).toThrow(`line 2: the stamp "${stamp(1_764_500_000_000, 0, OTHER)}" is not a stamp of device ${ME}`);
    expect(refused(header(), [change(0, 'x'), change(1, Number.NaN)])).toThrow('line 3: the value NaN is not text, a finite number, true, false or null');
    expect(refused(header(), [change(0, Number.POSITIVE_INFINITY)])).toThrow(/the value Infinity/);
    expect(refused(header(), [{ ...change(0, 'x'), field: '' }])).toThrow(/the field "" is not a name/);
    expect(refused(header(), [{ ...change(0, 'x'), schemaVersion: 1.5 }])).toThrow(/schema version 1.5/);
    expect(refused({ ...header(), device: '../elsewhere' }, [change(0, 'x')])).toThrow(/device id "..\/elsewhere" is not hex digits/);
    expect(refused({ ...header(), knows: { [OTHER]: stamp(5, 3, ME) } }, [change(0, 'x')])).toThrow(/what it knows of device "0f1e2d3c4b5a6978" is not a stamp of that device/);
    expect(refused({ ...header(), written: 'yesterday' }, [change(0, 'x')])).toThrow(/time written "yesterday"/);
    expect(readdirSync(share)).toEqual([]);
  });

  it('retries a rename refused while a sync client holds the file, then puts it in place', () => {
    const share = tempDir();
    const calls: string[] = [];
    const name = writeChangeFile(share, header(), EVERY_VALUE, {
      rename: (from, to) => {
        calls.push(from);
        if (calls.length <= 2) throw Object.assign(new Error(`EBUSY: resource busy or locked, rename '${from}' -> '${to}'`), { code: 'EBUSY' });
        renameSync(from, to);
      },
    });
    expect(calls).toHaveLength(3);
    expect(new Set(calls).size).toBe(1);
    expect(readdirSync(changesFolder(share, ME))).toEqual([name]);
    expect(read(listChangeFiles(share)[0]!).changes).toEqual(EVERY_VALUE);
  });

  it('gives up on a file held for good with an error that says so, and leaves nothing behind', () => {
    const share = tempDir();
    let calls = 0;
    const started = Date.now();
    const held = () =>
      writeChangeFile(share, header(), EVERY_VALUE, {
        rename: () => {
          calls++;
          throw Object.assign(new Error('EPERM: operation not permitted'), { code: 'EPERM' });
        },
      });
    const folder = changesFolder(share, ME).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(held).toThrow(new RegExp(`^Could not put the change file ${folder}/c-\\S+\\.jsonl in place: still held by another program \\(a sync client or virus scanner\\?\\) after 6 tries: permission denied \\(EPERM\\)$`));
    expect(calls).toBe(6);
    expect(Date.now() - started).toBeGreaterThanOrEqual(3_000);
    expect(readdirSync(changesFolder(share, ME))).toEqual([]);

    // Any other refusal is not waited for.
    calls = 0;
    const gone = () =>
      writeChangeFile(share, header(), EVERY_VALUE, {
        rename: () => {
          calls++;
          throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
        },
      });
    expect(gone).toThrow(/in place: input\/output error \(a network share that went away\?\) \(EIO\)$/);
    expect(calls).toBe(1);
    expect(readdirSync(changesFolder(share, ME))).toEqual([]);
  });
});

describe('a change file that is not whole or not what it claims', () => {
  it('is skipped at every byte it can be cut at, and when padded to its size with zeros', () => {
    const share = tempDir();
    const { file, bytes } = small(share);
    expect(bytes.length).toBeGreaterThan(200);
    for (let length = 0; length < bytes.length; length++) {
      writeFileSync(file.path, bytes.subarray(0, length));
      const result = skipped(file);
      expect(result.reason, `cut at ${length}`).toBe(length === 0 ? 'empty' : 'incomplete');
      // Copies that reserve the whole size first (Windows Explorer over SMB) show zeros at the end until done.
      writeFileSync(file.path, Buffer.concat([bytes.subarray(0, length), Buffer.alloc(bytes.length - length)]));
      expect(skipped(file).reason, `zeros from ${length}`).toBe('incomplete');
    }
    writeFileSync(file.path, bytes);
    expect(read(file).changes).toEqual([change(0, 'short')]);
  });

  it('is skipped when empty (not downloaded yet), with the reason and its path', () => {
    const share = tempDir();
    const { file } = small(share);
    truncateSync(file.path, 0);
    expect(readChangeFile(listChangeFiles(share)[0]!)).toEqual({ path: file.path, reason: 'empty', detail: '0 bytes: not downloaded yet (an online-only placeholder?) or not written yet' });
  });

  it('is skipped as damaged when its content, end line or name do not agree', () => {
    const share = tempDir();
    const { file, bytes } = small(share);
    const text = bytes.toString('utf8');

    writeFileSync(file.path, text.replace('"short"', '"shorT"'));
    expect(skipped(file)).toEqual({ path: file.path, reason: 'damaged', detail: 'its content does not match the hash in its end line' });

    // A consistent file under another file's name.
    const content = text.slice(0, text.lastIndexOf('{"end"')).replace('"short"', '"shorT"');
    writeFileSync(file.path, `${content}{"end":"${sha256(content)}"}\n`);
    expect(skipped(file)).toMatchObject({ reason: 'damaged', detail: 'its content does not match the hash in its name' });

    const stranger = place(share, ME, 'c-001764500000000-0000000000-0123456789abcdef.jsonl', 'hello\nworld\n');
    expect(skipped(stranger)).toMatchObject({ reason: 'damaged', detail: 'its first line is not a change file header' });

    // Whole and hashed, but its header counts wrong, or its name does not start with its first stamp.
    const miscounted = handMade([JSON.stringify({ fieldbook: 'changes', format: 1, ...header(), count: 2 }), JSON.stringify(Object.values(change(0, 'x')))]);
    expect(skipped(place(share, ME, miscounted.name, miscounted.bytes))).toMatchObject({ reason: 'damaged', detail: 'its header counts 2 changes, it holds 1' });
    const misnamed = handMade([JSON.stringify({ fieldbook: 'changes', format: 1, ...header(), count: 1 }), JSON.stringify(Object.values(change(9, 'x')))]);
    expect(skipped(place(share, ME, misnamed.name, misnamed.bytes))).toMatchObject({ reason: 'damaged', detail: `its name does not start with its first change's stamp ${change(9, 'x').stamp}` });

    // Larger than any change file: refused before it is read into memory.
    const large = place(share, ME, 'c-001764500000000-0000000000-fedcba9876543210.jsonl', '');
    truncateSync(large.path, MAX_CHANGE_FILE_BYTES + 1);
    expect(skipped(large)).toMatchObject({ reason: 'damaged', detail: `${MAX_CHANGE_FILE_BYTES + 1} bytes: larger than any change file (${MAX_CHANGE_FILE_BYTES})` });
  });

  it("is skipped as foreign in another device's folder", () => {
    const share = tempDir();
    const { file } = small(share);
    mkdirSync(changesFolder(share, OTHER), { recursive: true });
    const copy = join(changesFolder(share, OTHER), file.name);
    copyFileSync(file.path, copy);
    const found = listChangeFiles(share);
    expect(found.map((f) => f.device)).toEqual([OTHER, ME]);
    expect(readChangeFile(found[0]!)).toEqual({ path: copy, reason: 'foreign', detail: `written by device ${ME}, but in the folder of device ${OTHER}` });
    expect(read(found[1]!).device).toBe(ME);
  });

  it('is skipped as newer when a later Fieldbook wrote it, naming the format', () => {
    const share = tempDir();
    // A later format may lay out everything after its first line differently.
    const newer = handMade([JSON.stringify({ fieldbook: 'changes', format: 2, device: ME, compressed: 'zstd' }), 'KLUv/QBYSQAA']);
    const file = place(share, ME, newer.name, newer.bytes);
    expect(readChangeFile(file)).toEqual({
      path: file.path,
      reason: 'newerFormat',
      detail: `written in share format 2 by a newer Fieldbook; this version reads format ${SHARE_FORMAT}`,
    });
  });
});

describe("a sync client's conflicted copy", () => {
  it('is listed and reads as the file itself, with the same id', () => {
    const share = tempDir();
    const name = writeChangeFile(share, header(), EVERY_VALUE);
    const stem = name.slice(0, -'.jsonl'.length);
    const copies = [
      `${stem} (conflicted copy 2026-11-30).jsonl`, // Dropbox
      `${stem} (Anna's conflicted copy 2026-11-30).jsonl`, // Dropbox, older clients
      `${stem}.sync-conflict-20261130-123456-ABCDEFG.jsonl`, // Syncthing
      `${stem}-DESKTOP-1.jsonl`, // OneDrive: the computer's name
      `${stem} (1).jsonl`, // OneDrive, a second upload of one name
      `${stem} (conflicted copy 2026-11-30 123456).jsonl`, // Nextcloud
      `${stem}_conflict-20261130-123456.jsonl`, // ownCloud
    ];
    const folder = changesFolder(share, ME);
    for (const copy of copies) copyFileSync(join(folder, name), join(folder, copy));

    const found = listChangeFiles(share);
    expect(found.map((f) => f.name).sort()).toEqual([name, ...copies].sort());
    const original = read(found.find((f) => f.name === name)!);
    for (const file of found) expect(read(file), file.name).toEqual(original);
  });

  it('of a damaged file is skipped like it', () => {
    const share = tempDir();
    const { file, bytes } = small(share);
    const copy = place(share, ME, file.name.replace('.jsonl', ' (conflicted copy 2026-11-30).jsonl'), bytes.subarray(0, 100));
    expect(skipped(copy).reason).toBe('incomplete');
  });
});

describe('the listing of a share', () => {
  it('leaves out what is not a change file of a device, silently', () => {
    const share = tempDir();
    const { file } = small(share);
    const folder = changesFolder(share, ME);
    const stem = file.name.slice(0, -'.jsonl'.length);
    for (const name of [
      'notes.txt',
      'desktop.ini',
      '.DS_Store',
      'c-1-2-3.jsonl',
      `C${stem.slice(1)}.jsonl`,
      `${stem}.jsonl.partial`, // a download not finished
      `.syncthing.${stem}.jsonl.tmp`,
      `.${stem}.jsonl.~1a2b3c`, // Nextcloud's download
      `.${stem}.jsonl.0a1b2c3d.123.0123456789abcdef.fieldbook-part`, // our own temporary file
      `${stem}x.jsonl`,
    ]) {
      writeFileSync(join(folder, name), 'not ours');
    }
    writeFileSync(join(share, 'fieldbook', 'README.txt'), 'a user was here');
    writeFileSync(join(share, 'fieldbook', 'devices', 'notes.txt'), 'a user was here');
    // A folder whose name is no device id, though it holds a change file.
    mkdirSync(join(share, 'fieldbook', 'devices', 'Backup', 'changes'), { recursive: true });
    copyFileSync(file.path, join(share, 'fieldbook', 'devices', 'Backup', 'changes', file.name));
    mkdirSync(join(share, 'fieldbook', 'devices', OTHER)); // a device that has written nothing yet

    expect(scanShare(share)).toEqual({ files: [file], snapshots: [], skipped: [] });
  });

  it('is empty for a share nobody has written to yet', () => {
    const share = tempDir();
    expect(listChangeFiles(share)).toEqual([]);
    mkdirSync(join(share, 'fieldbook', 'devices'), { recursive: true });
    expect(listChangeFiles(share)).toEqual([]);
  });

  it('throws naming the path when the share cannot be reached, and writing creates nothing there', () => {
    const root = tempDir();
    const missing = join(root, 'not-mounted');
    const message = `The share folder ${missing} cannot be reached: it does not exist (a network share not connected, a drive removed?) (ENOENT)`;
    expect(() => listChangeFiles(missing)).toThrow(message);
    expect(() => writeChangeFile(missing, header(), EVERY_VALUE)).toThrow(message);
    expect(readdirSync(root)).toEqual([]);

    const aFile = join(root, 'share.txt');
    writeFileSync(aFile, '');
    expect(() => listChangeFiles(aFile)).toThrow(`The share folder ${aFile} cannot be reached: it is a file, not a folder`);
    expect(() => listChangeFiles(join(aFile, 'below'))).toThrow(`The share folder ${join(aFile, 'below')} cannot be reached: a part of its path is a file, not a folder (ENOTDIR)`);

    const share = tempDir();
    writeFileSync(join(share, 'fieldbook'), '');
    expect(() => listChangeFiles(share)).toThrow(`The share folder ${share} cannot be read: ${join(share, 'fieldbook')} is not a folder`);
    expect(() => writeChangeFile(share, header(), EVERY_VALUE)).toThrow(`Could not write to the share folder ${share}: ${join(share, 'fieldbook')} is not a folder`);
  });

  it('follows no link out of the share', () => {
    const outside = tempDir();
    const { file } = small(outside);
    const share = tempDir();

    // A link named like a change file, to a valid one elsewhere.
    mkdirSync(changesFolder(share, ME), { recursive: true });
    const link = join(changesFolder(share, ME), file.name);
    symlinkSync(file.path, link);
    // A device folder that is a link to a folder elsewhere.
    symlinkSync(join(outside, 'fieldbook', 'devices', ME), join(share, 'fieldbook', 'devices', OTHER));

    const scan = scanShare(share);
    expect(scan.files).toEqual([{ device: ME, name: file.name, path: link }]);
    expect(scan.skipped).toEqual([{ path: join(share, 'fieldbook', 'devices', OTHER), reason: 'unreadable', detail: 'a link, not a folder: links in the share are not followed' }]);
    expect(readChangeFile(scan.files[0]!)).toEqual({ path: link, reason: 'unreadable', detail: 'not a file but a link: links in the share are not followed' });

    // Nor does writing: this device's folder as a link is refused, and nothing lands elsewhere.
    const before = readdirSync(changesFolder(outside, ME));
    expect(() => writeChangeFile(share, header(OTHER), [change(0, 'x', OTHER)])).toThrow(
      `Could not write to the share folder ${share}: ${join(share, 'fieldbook', 'devices', OTHER)} is not a folder but a link: links in the share are not followed`,
    );
    expect(readdirSync(changesFolder(outside, ME))).toEqual(before);
  });

  it('skips a changes folder that is not a folder, with why', () => {
    const share = tempDir();
    mkdirSync(join(share, 'fieldbook', 'devices', OTHER), { recursive: true });
    writeFileSync(changesFolder(share, OTHER), '');
    expect(scanShare(share)).toEqual({ files: [], snapshots: [], skipped: [{ path: changesFolder(share, OTHER), reason: 'unreadable', detail: 'not a folder' }] });
  });
});

describe.skipIf(process.platform !== 'linux')('a writer killed mid-write', () => {
  /** A child writing one change file of about 40 MB, long enough to catch it writing. */
  const WRITER = `
    import { writeChangeFile } from ${JSON.stringify(resolve('electron/core/sync/change-files.ts'))};
    const [share, device] = process.argv.slice(1);
    const value = 'x'.repeat(1024 * 1024);
    const changes = Array.from({ length: 40 }, (_, i) => ({ stamp: '001764500000000-' + String(i).padStart(10, '0') + '-' + device, entity: 'note', rowId: 'r', field: 'text', value, schemaVersion: 1 }));
    writeChangeFile(share, { device, number: 1, schema: 1, knows: {}, written: new Date().toISOString() }, changes);
  `;

  it('leaves no file that lists as a change file, and the next write removes what it left', async () => {
    const share = tempDir();
    const folder = changesFolder(share, ME);
    const child = spawn(process.execPath, ['--input-type=module', '-e', WRITER, share, ME], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const exited = once(child, 'close');

    // Watched without yielding: the temporary file is being written for milliseconds only.
    let seen: { name: string; size: number } | undefined;
    for (const deadline = Date.now() + 30_000; !seen && Date.now() < deadline && child.exitCode === null; ) {
      try {
        const name = readdirSync(folder).find((n) => n.endsWith('.fieldbook-part'));
        const size = name === undefined ? 0 : lstatSync(join(folder, name)).size;
        if (name !== undefined && size > 0) seen = { name, size };
      } catch {
        // the folder is not there yet, or the file went between listing and looking
      }
    }
    child.kill('SIGKILL');
    expect(await exited, stderr).toEqual([null, 'SIGKILL']);
    expect(seen, 'the child was seen writing').toBeDefined();

    // Whatever the moment: a change file is listed only whole, and what was left is not listed.
    const left = readdirSync(folder);
    const listed = listChangeFiles(share);
    for (const file of listed) expect(readChangeFile(file)).not.toHaveProperty('reason');
    expect(listed.length + left.filter((n) => n.endsWith('.fieldbook-part')).length).toBe(1);

    // The next write here removes the dead writer's temporary file.
    const name = writeChangeFile(share, header(), [change(0, 'after')]);
    expect(readdirSync(folder).filter((n) => n.endsWith('.fieldbook-part'))).toEqual([]);
    expect(listChangeFiles(share).map((f) => f.name)).toContain(name);
  });
});
