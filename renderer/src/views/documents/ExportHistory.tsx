// Every document exported for the project, latest first: which document (of which meeting),
// version, language, when, by whom, and the SHA-256 of each file, to tell which file a customer
// holds.
import { LANGUAGE_NAMES } from '../../../../shared/i18n/index.ts';
import { useT } from '../../i18n.ts';
import { useUi } from '../../state/ui.ts';
import { useQuery } from '../../state/use-query.ts';

export function ExportHistory({ projectId }: { projectId: string }) {
  const t = useT();
  const language = useUi((s) => s.language);
  const history = useQuery('documents.history', { projectId }).data?.filter((h) => Object.keys(h.hashes).length > 0);
  if (!history || history.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="export-history-heading">
      <h2 id="export-history-heading">{t('export.projectHistory')}</h2>
      <table className="export-history">
        <caption className="visually-hidden">{t('export.projectHistory')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('export.document')}</th>
            <th scope="col">{t('doc.version')}</th>
            <th scope="col">{t('doc.date')}</th>
            <th scope="col">{t('doc.author')}</th>
            <th scope="col">{t('export.language')}</th>
            <th scope="col">{t('export.files')}</th>
          </tr>
        </thead>
        <tbody>
          {history.map((h) => (
            <tr key={h.id}>
              <td>{t(`export.name.${h.document}`)}</td>
              <td>{h.version}</td>
              <td>{new Date(h.createdAt).toLocaleString(language)}</td>
              <td>{h.author}</td>
              <td>{LANGUAGE_NAMES[h.language]}</td>
              <td>
                {Object.entries(h.hashes)
                  .map(([format, hash]) => `${format.toUpperCase()} ${hash.slice(0, 12)}`)
                  .join(' · ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
