// Exporting a document from where its content lives (the minutes from their meeting): choose
// the formats and the language, see that it is being made, get the files, and see the versions
// made before with their file hashes.
import { useState, type ReactNode } from 'react';
import { DOCUMENT_FORMATS, type DocumentFormat, type DocumentKind } from '../../../../shared/documents/types.ts';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../../../shared/i18n/index.ts';
import { api } from '../../api/client.ts';
import { download, fromBase64 } from '../../components/download.ts';
import { SelectField, TextField } from '../../components/fields.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { useT } from '../../i18n.ts';
import { useUi } from '../../state/ui.ts';
import { useQuery } from '../../state/use-query.ts';
import { ExportTable, madeExports } from './ExportHistory.tsx';

const MIME: Record<DocumentFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

type ExportInput = Parameters<typeof api<'documents.export'>>[1];

interface Props {
  projectId: string;
  document: DocumentKind;
  meetingId?: string;
  /** What else the document is made from: the checklist's view, the report's period. */
  options?: Pick<ExportInput, 'checklist' | 'period'>;
  /** Choices of this document shown beside the formats (grouping, period). */
  children?: ReactNode;
}

export function ExportPanel({ projectId, document, meetingId, options, children }: Props) {
  const t = useT();
  const uiLanguage = useUi((s) => s.language);
  const [formats, setFormats] = useState<DocumentFormat[]>(['pdf', 'docx']);
  const [language, setLanguage] = useState<Language>(uiLanguage);
  const [made, setMade] = useState<string | null>(null);
  const [changeNote, setChangeNote] = useState('');
  const history = useQuery('documents.history', { projectId });
  const { busy, run } = useSubmit();
  const mine = madeExports(history.data).filter((h) => h.document === document && h.subjectId === (meetingId ?? null));

  const make = () =>
    void run(async () => {
      setMade(null);
      const note = changeNote.trim();
      const result = await api('documents.export', { projectId, document, ...(meetingId ? { meetingId } : {}), ...options, formats, language, ...(note ? { changeNote: note } : {}) });
      setChangeNote('');
      for (const file of result.files) download(file.fileName, fromBase64(file.base64), MIME[file.format]);
      setMade(t('export.made', { version: result.version, files: result.files.map((f) => f.fileName).join(', ') }));
      await history.reload();
    });

  return (
    <section className="panel" aria-labelledby={`export-${document}-heading`}>
      <h3 id={`export-${document}-heading`}>{t(`export.heading.${document}`)}</h3>
      <div className="toolbar">
        {children}
        <fieldset className="choice-group">
          <legend>{t('export.formats')}</legend>
          {DOCUMENT_FORMATS.map((format) => (
            <label key={format} className="checkbox">
              <input
                type="checkbox"
                checked={formats.includes(format)}
                onChange={(e) => setFormats(e.target.checked ? [...formats, format] : formats.filter((f) => f !== format))}
              />
              {format.toUpperCase()}
            </label>
          ))}
        </fieldset>
        <SelectField
          label={t('export.language')}
          value={language}
          options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
          onChange={(v) => setLanguage(v as Language)}
        />
        <TextField label={t('export.changeNote')} value={changeNote} onChange={setChangeNote} />
        <button type="button" className="primary" onClick={make} disabled={busy || formats.length === 0}>
          {t('export.make')}
        </button>
      </div>
      <p role="status" className="muted">
        {busy ? t('export.making') : made}
      </p>
      {mine.length > 0 && <ExportTable exports={mine} caption={t('export.history')} detailed={false} />}
    </section>
  );
}
