// Template packs: which ones this installation has, export one to share or edit, import one. An
// invalid pack is refused with every problem listed (where in the file, and why).
import { useState } from 'react';
import { ApiError } from '../../../../shared/errors.ts';
import { api } from '../../api/client.ts';
import { download } from '../../components/download.ts';
import { FileButton } from '../../components/FileButton.tsx';
import { useT } from '../../i18n.ts';
import { useQuery } from '../../state/use-query.ts';
import { reportFailure, useUi } from '../../state/ui.ts';

export function PackPanel({ onImported }: { onImported: () => void }) {
  const t = useT();
  const language = useUi((s) => s.language);
  const packs = useQuery('packs.list', {});
  const [problems, setProblems] = useState<string[] | null>(null);
  const [imported, setImported] = useState<string | null>(null);

  const importFile = async (file: File) => {
    setProblems(null);
    setImported(null);
    try {
      const summary = await api('packs.import', { json: await file.text() });
      setImported(t('packs.imported', { name: summary.name[language], version: summary.version }));
      await packs.reload();
      onImported();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'invalid_input') setProblems(error.issues?.map((i) => i.message) ?? [error.message]);
      else throw error;
    }
  };

  return (
    <section className="panel" aria-labelledby="packs-heading">
      <h2 id="packs-heading">{t('packs.heading')}</h2>
      <ul className="items">
        {(packs.data ?? []).map((p) => (
          <li key={p.id} className="item">
            <strong>{p.name[language]}</strong>{' '}
            <span className="muted">
              {t('packs.version', { version: p.version })} · {p.builtIn ? t('packs.builtIn') : t('packs.importedPack')} ·{' '}
              {t('packs.topics', { count: p.topics })}
            </span>
            {p.description && <p className="muted">{p.description[language]}</p>}
            <button
              type="button"
              onClick={() =>
                void reportFailure(
                  api('packs.export', { id: p.id }).then((file) => download(file.fileName, file.json, 'application/json')),
                )
              }
            >
              {t('packs.export', { name: p.name[language] })}
            </button>
          </li>
        ))}
      </ul>
      <FileButton label={t('packs.import')} accept="application/json,.json" onFile={(file) => void reportFailure(importFile(file))} />
      {imported && <p role="status">{imported}</p>}
      {problems && (
        <div role="alert" className="pack-problems">
          <p>{t('packs.refused', { count: problems.length })}</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                <code>{p}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
