// Exported documents with their versions and the SHA-256 of each file, to tell which file a
// customer holds: on the project overview every export of the project, in an export panel the
// versions of that one document.
import type { DocumentExport } from '../../../../shared/documents/types.ts';
import { LANGUAGE_NAMES } from '../../../../shared/i18n/index.ts';
import { useT } from '../../i18n.ts';
import { useUi } from '../../state/ui.ts';
import { useQuery } from '../../state/use-query.ts';

/** Exports that were made (a failed or unfinished one has no file hashes). */
export const madeExports = (exports: readonly DocumentExport[] | null | undefined): DocumentExport[] => (exports ?? []).filter((h) => Object.keys(h.hashes).length > 0);

interface TableProps {
  exports: readonly DocumentExport[];
  caption: string;
  /** The project's list names each row's document and author; a document's own list needs neither. */
  detailed: boolean;
}

export function ExportTable({ exports, caption, detailed }: TableProps) {
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
            <td>{h.changeNote}</td>
            <td>
              {Object.entries(h.hashes)
                .map(([format, hash]) => `${format.toUpperCase()} ${hash.slice(0, 12)}`)
                .join(' · ')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ExportHistory({ projectId }: { projectId: string }) {
  const t = useT();
  const history = madeExports(useQuery('documents.history', { projectId }).data);
  if (history.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="export-history-heading">
      <h2 id="export-history-heading">{t('export.projectHistory')}</h2>
      <ExportTable exports={history} caption={t('export.projectHistory')} detailed />
    </section>
  );
}
