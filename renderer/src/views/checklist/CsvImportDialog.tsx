// Importing a CSV file into the checklist: choose the file, see how its columns are read (and
// change that), every problem by line, and what will be created or updated; nothing is written
// until the import is confirmed, and then only the rows without problems.
import { useState } from 'react';
import { CSV_TARGETS, importProblemText, type CsvTarget } from '../../../../shared/checklist/csv-format.ts';
import type { ImportPreview } from '../../../../shared/checklist/types.ts';
import { api } from '../../api/client.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { FileButton } from '../../components/FileButton.tsx';
import { SelectField } from '../../components/fields.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { useT } from '../../i18n.ts';
import { useOpenChecklist } from '../../state/open-checklist.ts';
import { trackSave } from '../../state/saving.ts';
import { useUi } from '../../state/ui.ts';
import { useItemText } from './item-text.ts';

const SKIP = '';

export function CsvImportDialog({ projectId, onClose }: { projectId: string; onClose: () => void }) {
  const t = useT();
  const language = useUi((s) => s.language);
  const { fieldLabel } = useItemText();
  const [file, setFile] = useState<{ name: string; csv: string } | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const { busy, run } = useSubmit();

  const read = (csv: string, mapping?: (CsvTarget | null)[]) =>
    run(async () => setPreview(await api('requirements.previewImport', { projectId, csv, ...(mapping ? { mapping } : {}) })));

  const choose = (chosen: File) =>
    void chosen.text().then((csv) => {
      setFile({ name: chosen.name, csv });
      setResult(null);
      void read(csv);
    });

  const remap = (index: number, target: string) => {
    if (!file || !preview) return;
    const mapping = preview.mapping.map((m, i) => (i === index ? (target === SKIP ? null : (target as CsvTarget)) : m));
    void read(file.csv, mapping);
  };

  const confirm = () => {
    if (!file || !preview) return;
    if (result) return onClose();
    void run(async () => {
      const done = await trackSave(api('requirements.import', { projectId, csv: file.csv, mapping: preview.mapping }));
      await useOpenChecklist.getState().reload();
      setResult(t('import.done', { created: done.created, updated: done.updated, skipped: done.skipped }));
    });
  };

  const importable = preview ? preview.creates + preview.updates : 0;
  const options = [{ value: SKIP, label: t('import.skip') }, ...CSV_TARGETS.map((target) => ({ value: target, label: fieldLabel(target) }))];

  return (
    <Dialog
      title={t('import.title')}
      onCancel={onClose}
      onSubmit={confirm}
      submitLabel={result ? t('import.close') : t('import.confirm', { count: importable })}
      cancelLabel={t('import.cancel')}
      busy={busy || (!result && importable === 0)}
    >
      <p className="muted">{t('import.hint')}</p>
      <p>
        <FileButton label={t('import.choose')} accept=".csv,text/csv" onFile={choose} />
        {file && <span className="muted"> {file.name}</span>}
      </p>
      {preview && !result && (
        <>
          <p role="status">
            {t('import.summary', {
              rows: preview.rows,
              creates: preview.creates,
              updates: preview.updates,
              problems: preview.problems.length,
              delimiter: preview.delimiter === ';' ? t('import.semicolon') : t('import.comma'),
            })}
          </p>
          <table className="mapping">
            <caption>{t('import.mapping')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('import.column')}</th>
                <th scope="col">{t('import.readAs')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.headers.map((header, i) => (
                <tr key={`${header}-${i}`}>
                  <th scope="row">{header || t('import.unnamed', { n: i + 1 })}</th>
                  <td>
                    <SelectField compact label={t('import.readAsOf', { column: header || String(i + 1) })} value={preview.mapping[i] ?? SKIP} options={options} onChange={(v) => remap(i, v)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.problems.length > 0 && (
            <section aria-labelledby="import-problems">
              <h3 id="import-problems">{t('import.problems', { count: preview.problems.length })}</h3>
              <ul className="problems">
                {preview.problems.slice(0, 200).map((p, i) => (
                  <li key={i}>{t('import.problem', { line: p.line, column: p.column ?? '–', message: importProblemText(p, language) })}</li>
                ))}
              </ul>
              {preview.problems.length > 200 && <p className="muted">{t('import.moreProblems', { count: preview.problems.length - 200 })}</p>}
            </section>
          )}
        </>
      )}
      {result && <p role="status">{result}</p>}
    </Dialog>
  );
}
