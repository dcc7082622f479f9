// Exported documents published into the shared folder (sync.md, requirement 9), where colleagues
// and their sync clients see them:
//   <share>/fieldbook/exports/<customer>/<project>/<document>/<date>-v<version>.<ext>
// with a manifest beside them, <date>-v<version>.manifest.json: what the files are, who made
// them on which device, their SHA-256 and which data they were made from. Everything Fieldbook
// puts in a share stays under its one folder `fieldbook`, beside the devices' change files.
//
// A file in the share is never replaced, though several devices write these folders:
// - Each file is written in full and flushed under a temporary name readers skip
//   (`.….fieldbook-part`, write-file.ts) in its folder first: the slow part on a network, done
//   before anything is decided.
// - It then gets its name by a hard link, which fails where the name exists (a rename would replace
//   what is there). A name holding anything else (another device published the same version, or
//   a person put a file there) is left alone and the publication takes a name of its own, with
//   this device's short id after the version: both files are kept.
// - The manifest comes last, so a manifest never names a file that is not there whole. The same
//   publication found at a name (this export published before, or a run killed before it could
//   record anything) is taken as it is: the next run gives the same result.
// Where the file system makes no hard links (some SMB clients and FUSE file systems), only names
// with this device's id are used, put in place by a rename after looking: no other device writes
// those, and this device's processes take turns (the placing runs in the database's write
// transaction).
import { createHash } from 'node:crypto';
import { linkSync, lstatSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DocumentFormat, DocumentKind, Publication } from '../../../shared/documents/types.ts';
import { ApiError } from '../../../shared/errors.ts';
import { translate, type Language } from '../../../shared/i18n/index.ts';
import { localIsoDate } from '../../../shared/iso-date.ts';
import type { Context } from '../api/context.ts';
import * as t from '../db/tables/index.ts';
import { deviceLabel } from '../device.ts';
import { writeTemporary } from '../documents/write-file.ts';
import { subjectLabel } from '../documents/subject.ts';
import { flushFolder, folderInShare, reason, ShareError, whileHeld } from './change-files.ts';

/** Where publications go below the share's root. */
const EXPORTS = ['fieldbook', 'exports'];

/** Names tried for one version before giving up: the plain one, then this device's. */
const MAX_NAMES = 20;

/** Codes of a file system that makes no hard links. */
const NO_LINKS = new Set(['ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

/** Far larger than any manifest: a bigger file under a manifest's name is someone else's. */
const MAX_MANIFEST_BYTES = 1_000_000;

/** An export, as far as its publication tells of it. */
export interface ExportFacts {
  projectId: string;
  document: DocumentKind;
  /** The meeting of minutes, the SOW, the change request; null for a document of the whole project. */
  subjectId: string | null;
  language: Language;
  version: number;
  createdAt: string;
  author: string;
  /** The latest change-log stamp the database held when it was made ('' where not known). */
  madeFrom: string;
  /** The device that made it. */
  device: string;
}

export interface FileToPublish {
  format: DocumentFormat;
  bytes: Buffer;
  sha256: string;
}

/** Files written into the share under temporary names, waiting to be put in place or thrown away. */
export interface PendingPublication {
  /** Puts the files and then the manifest in place; says where. Errors are ApiErrors naming sharePath. */
  place(): Publication;
  /** Removes the temporary files (put in place or not). */
  discard(): void;
}

/** Stands in for fs.linkSync: tests refuse links as a file system without them does. */
export interface PlaceOptions {
  link?: (existing: string, path: string) => void;
}

/**
 * A name as Windows, SMB, macOS and the sync clients all take it: NFC (umlauts stay as they are),
 * no characters any of them refuses or gives a meaning (`<>:"/\|?*`, control and direction
 * characters), no leading dots or tildes (hidden, or an Office lock file's `~$`), no trailing
 * dots or spaces, not a reserved device name (CON, AUX.txt, ...), and short: a few folders deep in
 * a share it must stay within Windows' 260 characters, and within 255 bytes even where macOS stores
 * its letters decomposed.
 */
export function safeName(text: string): string {
  let name = text
    .normalize('NFC')
    .replace(/\s+/gu, ' ')
    .replace(/[<>:"/\\|?*\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]+/gu, '-')
    .replace(/^[\s.~]+/u, '')
    .replace(/[\s.]+$/u, '');
  let short = '';
  for (const char of name) {
    if ([...short].length >= 60 || Buffer.byteLength(`${short}${char}`.normalize('NFD')) > 180) break;
    short += char;
  }
  name = short.replace(/[\s.]+$/u, '');
  const stem = name.split('.')[0]!;
  if (/^(CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|COM[0-9¹²³]|LPT[0-9¹²³])\s*$/iu.test(stem)) name = `${stem}_${name.slice(stem.length)}`;
  return name || '_';
}

/** The share's own failures (none set, not there, not writable, full) are the user's to fix: said as sharePath's. */
function onShare<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof ShareError)) throw error;
    throw new ApiError({ code: 'invalid_input', field: 'sharePath', message: `sharePath: ${error.message}` });
  }
}

/** This device's shared folder, as this device reaches it; refused, naming sharePath, while none is set. */
function configuredShare(ctx: Context): string {
  const row = ctx.store.orm.select({ sharePath: t.device.sharePath }).from(t.device).where(eq(t.device.id, ctx.store.deviceId)).get();
  if (!row?.sharePath) {
    throw new ApiError({ code: 'invalid_input', field: 'sharePath', message: 'sharePath: no shared folder is set on this computer to publish to (set one under Sync, or with sync.configure)' });
  }
  return row.sharePath;
}

function deviceOf(ctx: Context, id: string): { person: string; device: string; host: string } {
  const row = ctx.store.orm.select().from(t.device).where(eq(t.device.id, id)).get();
  const label = deviceLabel(row, id);
  return { person: label.person, device: id, host: label.host };
}

/** What a publication says of itself, beside its files. */
interface Manifest {
  fieldbookManifest: 1;
  document: DocumentKind;
  /** The document's name in its language. */
  title: string;
  language: Language;
  version: number;
  customer: { id: string; name: string };
  project: { id: string; name: string };
  /** What the document is about, where it is about one thing: the meeting of minutes, the SOW. */
  subject: { id: string; label: string } | null;
  madeAt: string;
  madeBy: { person: string; device: string; host: string };
  /** Which data: the latest change the database held when the document was made (null where not known). */
  madeFrom: { latestChange: string | null };
  files: Partial<Record<DocumentFormat, { name: string; sha256: string; bytes: number }>>;
  publishedAt: string;
  publishedBy: { person: string; device: string; host: string };
}

/**
 * Which publication a manifest is, whoever published it when: the same document and version, made
 * on the same device from the same data into the same files. A manifest of the same publication
 * may stand for this one. Anything else (not JSON, another document) has no identity.
 */
const identitySchema = z.object({
  document: z.string(),
  language: z.string(),
  version: z.number(),
  project: z.object({ id: z.string() }),
  subject: z.object({ id: z.string() }).nullable(),
  madeBy: z.object({ device: z.string() }),
  madeFrom: z.object({ latestChange: z.string().nullable() }),
  files: z.record(z.string(), z.object({ sha256: z.string() })),
});

function identity(manifest: unknown): string | null {
  const parsed = identitySchema.safeParse(manifest);
  if (!parsed.success) return null;
  const m = parsed.data;
  const files = Object.entries(m.files)
    .map(([format, file]) => `${format}:${file.sha256}`)
    .sort();
  return JSON.stringify([m.document, m.language, m.version, m.project.id, m.subject?.id ?? null, m.madeBy.device, m.madeFrom.latestChange, files]);
}

/** The export's place in the share (folder names) and its manifest but for the file names. */
function describeExport(ctx: Context, facts: ExportFacts): { folder: string[]; manifest: Omit<Manifest, 'files' | 'publishedAt'> } {
  const project = ctx.store.orm.select({ name: t.project.name, customerId: t.project.customerId }).from(t.project).where(eq(t.project.id, facts.projectId)).get();
  const customerId = project?.customerId ?? '';
  const customer = ctx.store.orm.select({ name: t.customer.name }).from(t.customer).where(eq(t.customer.id, customerId)).get();
  const title = translate(facts.language, `export.name.${facts.document}`);
  const subject = subjectLabel(ctx, facts.document, facts.subjectId, facts.language);
  // Documents of one subject (a meeting's minutes, an SOW) count their versions per subject: a folder of each.
  const documentFolder = subject ? `${title} ${subject}` : title;
  return {
    folder: [...EXPORTS, safeName(customer?.name ?? ''), safeName(project?.name ?? ''), safeName(documentFolder)],
    manifest: {
      fieldbookManifest: 1,
      document: facts.document,
      title,
      language: facts.language,
      version: facts.version,
      customer: { id: customerId, name: customer?.name ?? '' },
      project: { id: facts.projectId, name: project?.name ?? '' },
      subject: subject !== null && facts.subjectId !== null ? { id: facts.subjectId, label: subject } : null,
      madeAt: facts.createdAt,
      madeBy: { ...deviceOf(ctx, facts.device), person: facts.author },
      madeFrom: { latestChange: facts.madeFrom || null },
      publishedBy: deviceOf(ctx, ctx.store.deviceId),
    },
  };
}

/**
 * Writes the export's files into its folder in this device's shared folder under temporary names;
 * nothing is visible under a name of its own until place(). Errors are ApiErrors naming sharePath
 * (none set, not reachable, not writable), and leave no temporary file.
 */
export function preparePublication(ctx: Context, facts: ExportFacts, files: readonly FileToPublish[], options: PlaceOptions = {}): PendingPublication {
  const share = configuredShare(ctx);
  const { folder: parts, manifest } = describeExport(ctx, facts);
  return onShare(() => {
    const folder = folderInShare(share, parts);
    const base = `${localIsoDate(new Date(facts.createdAt))}-v${facts.version}`;
    const temporaries = new Map<DocumentFormat, string>();
    const discard = () => {
      for (const temporary of temporaries.values()) removeQuietly(temporary);
    };
    try {
      for (const file of files) {
        const path = join(folder, `${base}.${file.format}`);
        try {
          temporaries.set(file.format, writeTemporary(path, file.bytes));
        } catch (error) {
          throw new ShareError(`Could not write ${path}: ${reason(error)}`);
        }
      }
    } catch (error) {
      discard();
      throw error;
    }
    const placing: Placing = { folder, base, own: ctx.store.deviceId.slice(0, 8), files, temporaries, link: options.link ?? linkSync };
    return {
      place: () =>
        onShare(() => {
          const publishedAt = ctx.now().toISOString();
          const name = placeAll(placing, (names) => ({
            ...manifest,
            files: Object.fromEntries(files.map((f) => [f.format, { name: names[f.format], sha256: f.sha256, bytes: f.bytes.length }])),
            publishedAt,
          }));
          return {
            folder: parts.join('/'),
            files: Object.fromEntries(files.map((f) => [f.format, `${name}.${f.format}`])),
            manifest: `${name}.manifest.json`,
          };
        }),
      discard,
    };
  });
}

interface Placing {
  folder: string;
  /** The plain name: <date>-v<version>. */
  base: string;
  /** This device's short id, for a name of its own. */
  own: string;
  files: readonly FileToPublish[];
  temporaries: ReadonlyMap<DocumentFormat, string>;
  link: (existing: string, path: string) => void;
}

/** The names a publication may take, in order; without hard links only this device's own. */
function names(placing: Placing, linking: boolean): string[] {
  const own = Array.from({ length: MAX_NAMES - 1 }, (_, i) => `${placing.base}-${placing.own}${i === 0 ? '' : `-${i + 1}`}`);
  return linking ? [placing.base, ...own] : own;
}

type Outcome = 'placed' | 'taken' | 'no-links';

/** Puts the files and their manifest in place under the first name free for them (or holding this very publication); returns the name. */
function placeAll(placing: Placing, manifestFor: (names: Record<string, string>) => Manifest): string {
  let linking = true;
  const tried = new Set<string>();
  for (;;) {
    const name = names(placing, linking).find((n) => !tried.has(n));
    if (name === undefined) throw new ShareError(`Could not publish into ${placing.folder}: ${MAX_NAMES} names for ${placing.base} are taken already`);
    const outcome = placeUnder(placing, name, linking, manifestFor);
    if (outcome === 'placed') return name;
    if (outcome === 'no-links') linking = false;
    else tried.add(name);
  }
}

function placeUnder(placing: Placing, name: string, linking: boolean, manifestFor: (names: Record<string, string>) => Manifest): Outcome {
  const { folder, files } = placing;
  const path = (format: string) => join(folder, `${name}.${format}`);
  const manifest = manifestFor(Object.fromEntries(files.map((f) => [f.format, `${name}.${f.format}`])));
  const manifestPath = path('manifest.json');
  const mine = identity(manifest)!;
  // Look first: a name that holds something else is passed over with nothing written.
  if (files.some((f) => holds(path(f.format), f) === 'other') || manifestAt(manifestPath, mine) === 'other') return 'taken';
  for (const file of files) {
    const put = putExclusive(placing, placing.temporaries.get(file.format)!, path(file.format), linking);
    if (put === 'no-links') return 'no-links';
    // Taken meanwhile: by these very bytes (another device publishing the same at once) or not.
    if (put === 'exists' && holds(path(file.format), file) !== 'same') return 'taken';
  }
  const found = manifestAt(manifestPath, mine);
  if (found !== 'absent') return found === 'same' ? 'placed' : 'taken';
  let temporary: string;
  try {
    temporary = writeTemporary(manifestPath, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
  } catch (error) {
    throw new ShareError(`Could not write ${manifestPath}: ${reason(error)}`);
  }
  try {
    const put = putExclusive(placing, temporary, manifestPath, linking);
    if (put === 'no-links') return 'no-links';
    if (put === 'exists' && manifestAt(manifestPath, mine) !== 'same') return 'taken';
  } finally {
    removeQuietly(temporary);
  }
  flushFolder(folder);
  return 'placed';
}

/**
 * Gives the temporary file the name, unless something has it: by a hard link (fails where the name
 * exists), or without links by a rename after looking. Retried while a sync client holds the file.
 */
function putExclusive(placing: Placing, temporary: string, path: string, linking: boolean): 'placed' | 'exists' | 'no-links' {
  return whileHeld((): 'placed' | 'exists' | 'no-links' => {
    if (!linking) {
      if (lstatSync(path, { throwIfNoEntry: false })) return 'exists';
      renameSync(temporary, path);
      return 'placed';
    }
    try {
      placing.link(temporary, path);
      return 'placed';
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (code === 'EEXIST') return 'exists';
      if (NO_LINKS.has(code)) return 'no-links';
      throw error;
    }
  }, `Could not put ${path} in place`);
}

/** What is under a file's name: nothing, these very bytes, or something else (a file that cannot be read included). */
function holds(path: string, file: FileToPublish): 'absent' | 'same' | 'other' {
  const stats = look(path);
  if (!stats) return 'absent';
  if (!stats.isFile() || stats.size !== file.bytes.length) return 'other';
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex') === file.sha256 ? 'same' : 'other';
  } catch {
    return 'other';
  }
}

/** What is under a manifest's name: nothing, a manifest of this publication, or something else. */
function manifestAt(path: string, mine: string): 'absent' | 'same' | 'other' {
  const stats = look(path);
  if (!stats) return 'absent';
  if (!stats.isFile() || stats.size > MAX_MANIFEST_BYTES) return 'other';
  try {
    return identity(JSON.parse(readFileSync(path, 'utf8'))) === mine ? 'same' : 'other';
  } catch {
    return 'other';
  }
}

function look(path: string) {
  try {
    return lstatSync(path, { throwIfNoEntry: false });
  } catch (error) {
    throw new ShareError(`Could not look at ${path}: ${reason(error)}`);
  }
}

/** Tidying up: a temporary file left (the share went away) is removed by the next write to its folder. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // left for the next write's tidying (write-file.ts)
  }
}
