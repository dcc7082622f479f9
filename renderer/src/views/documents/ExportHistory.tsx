// Exported documents with their versions and the SHA-256 of each file, to tell which file a
// customer holds, and where each was published in the shared folder: on the project overview
// every export of the project, in an export panel the versions of that one document. A version
// not published yet can be, from its files as they were saved (the core checks them against the
// SHA-256 it keeps: it keeps no copy, and making them again would give other files).
import { useId, useState } from 'react';
import type { DocumentExport, DocumentFormat, Publication } from '../../../../shared/documents/types.ts';
import { ApiError, type ApiErrorBody } from '../../../../shared/errors.ts';
import { LANGUAGE_NAMES } from '../../../../shared/i18n/index.ts';
import type { SyncStatus } from '../../../../shared/sync.ts';
import { api } from '../../api/client.ts';
import { failureText } from '../../components/error-text.ts';
import { useT, type Translate } from '../../i18n.ts';
import { refreshSyncStatus, useSync } from '../../state/sync.ts';
import { useUi } from '../../state/ui.ts';
import { useQuery } from '../../state/use-query.ts';

/** Exports that were made (a failed or unfinished one has no file hashes). */
export const madeExports = (exports: readonly DocumentExport[] | null | undefined): DocumentExport[] => (exports ?? []).filter((h) => Object.keys(h.hashes).length > 0);

/** Each published file's place in the shared folder, from the share's root. */
export function publishedPaths(publication: Publication): string[] {
  return Object.values(publication.files).map((name) => `${publication.folder}/${name}`);
}

/** Why a publication failed, in the UI language where the sync status tells (no folder set, not reachable). */
export function notPublishedText(t: Translate, error: Pick<ApiErrorBody, 'field' | 'message'>, status: SyncStatus | null): string {
  if (error.field === 'sharePath' && status && !status.sharePath) return t('export.notPublishedNoShare');
  if (error.field === 'sharePath' && status?.reachable === false) return t('export.notPublishedUnreachable', { folder: status.sharePath });
  return t('export.notPublished', { message: error.message });
}

/** The format a file's first bytes show: a PDF, or a DOCX (a ZIP). */
function formatOf(bytes: Uint8Array): DocumentFormat | null {
  const starts = (magic: number[]) => magic.every((b, i) => bytes[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46])) return 'pdf';
  if (starts([0x50, 0x4b, 0x03, 0x04])) return 'docx';
  return null;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: spreading megabytes as arguments at once would overflow the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Where a version is in the shared folder; not published yet, a way to publish it from its saved files. */
function SharedCell({ entry, onPublished }: { entry: DocumentExport; onPublished: () => Promise<void> }) {
  const t = useT();
  const share = useSync((s) => s.status);
  const inputId = useId();
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<string | null>(null);
  if (entry.published) {
    return (
      <>
        {publishedPaths(entry.published).map((path) => (
          <div key={path}>{path}</div>
        ))}
      </>
    );
  }

  const publish = async (chosen: File[]) => {
    setBusy(true);
    setSaid(null);
    const files: { format: DocumentFormat; base64: string }[] = [];
    try {
      for (const file of chosen) {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const format = formatOf(bytes);
        if (!format) {
          setSaid(t('export.notDocument', { file: file.name }));
          return;
        }
        files.push({ format, base64: toBase64(bytes) });
      }
      await api('documents.publish', { exportId: entry.id, files });
      await onPublished();
    } catch (error) {
      const file = error instanceof ApiError ? /^files\.(\d+)\.(base64|format)$/.exec(error.field ?? '') : null;
      if (file?.[2] === 'base64') setSaid(t('export.wrongFile', { file: chosen[Number(file[1])]?.name ?? '', version: entry.version }));
      else if (file) setSaid(t('export.notMadeAs', { version: entry.version, format: files[Number(file[1])]?.format.toUpperCase() ?? '' }));
      else if (error instanceof ApiError && error.field === 'sharePath') setSaid(notPublishedText(t, error, await refreshSyncStatus()));
      else setSaid(failureText(error, useUi.getState().language));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <span>{t('export.notShared')}</span>
      {share?.sharePath && (
        <>
          {' '}
          <label htmlFor={inputId} className="button">
            {t('export.publishFiles', { version: entry.version })}
          </label>
          <input
            id={inputId}
            className="visually-hidden"
            type="file"
            multiple
            accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            disabled={busy}
            onChange={(e) => {
              const chosen = [...(e.target.files ?? [])];
              // Forgotten at once, so that choosing the same files again, after fixing them, is noticed.
              e.target.value = '';
              if (chosen.length > 0) void publish(chosen);
            }}
          />
        </>
      )}
      {busy && <div role="status">{t('export.publishing')}</div>}
      {said && <div role="alert">{said}</div>}
    </>
  );
}

interface TableProps {
  exports: readonly DocumentExport[];
  caption: string;
  /** The project's list names each row's document and author; a document's own list needs neither. */
  detailed: boolean;
  /** Called once a version was published from the table: the list reads the history again. */
  onPublished: () => Promise<void>;
}

export function ExportTable({ exports, caption, detailed, onPublished }: TableProps) {
  const t = useT();
  const language = useUi((s) => s.language);
  return (
    <table className="export-history">
      <caption className={detailed ? 'visually-hidden' : undefined}>{caption}</caption>
      <thead>
        <tr>
          {detailed && <th scope="col">{t('export.document')}</th>}
          <th scope="col">{t('doc.version')}</th>
          <th scope="col">{t('doc.date')}</th>
          {detailed && <th scope="col">{t('doc.author')}</th>}
          <th scope="col">{t('export.language')}</th>
          <th scope="col">{t('doc.change')}</th>
          <th scope="col">{t('export.files')}</th>
          <th scope="col">{t('export.shared')}</th>
        </tr>
      </thead>
      <tbody>
        {exports.map((h) => (
          <tr key={h.id}>
            {detailed && <td>{t(`export.name.${h.document}`)}</td>}
            <td>{h.version}</td>
            <td>{new Date(h.createdAt).toLocaleString(language)}</td>
            {detailed && <td>{h.author}</td>}
            <td>{LANGUAGE_NAMES[h.language]}</td>
            <td>
              {h.changeNote}
              {h.includesCredentials && <strong className="with-credentials">{` (${t('export.withCredentials')})`}</strong>}
            </td>
            <td>
              {Object.entries(h.hashes)
                .map(([format, hash]) => `${format.toUpperCase()} ${hash.slice(0, 12)}`)
                .join(' · ')}
            </td>
            <td>
              <SharedCell entry={h} onPublished={onPublished} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ExportHistory({ projectId }: { projectId: string }) {
  const t = useT();
  const query = useQuery('documents.history', { projectId });
  const history = madeExports(query.data);
  if (history.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="export-history-heading">
      <h2 id="export-history-heading">{t('export.projectHistory')}</h2>
      <ExportTable exports={history} caption={t('export.projectHistory')} detailed onPublished={query.reload} />
    </section>
  );
}
