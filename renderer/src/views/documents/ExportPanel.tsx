// Exporting a document from where its content lives (the minutes from their meeting): choose
// the formats and the language, and whether to publish it into the shared folder too (only with
// one set), see that it is being made, get the files, and see the versions made before with their
// file hashes and where each was published.
import { useContext, useEffect, useId, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { CREDENTIAL_DOCUMENTS, DOCUMENT_FORMATS, type DocumentFormat, type DocumentKind } from '../../../../shared/documents/types.ts';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../../../shared/i18n/index.ts';
import { api } from '../../api/client.ts';
import { download, fromBase64 } from '../../components/download.ts';
import { SelectField, TextField } from '../../components/fields.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { useT } from '../../i18n.ts';
import { refreshSyncStatus, useSync } from '../../state/sync.ts';
import { useUi } from '../../state/ui.ts';
import { useQuery } from '../../state/use-query.ts';
import { ExportTable, madeExports, notPublishedText, publishedPaths } from './ExportHistory.tsx';
import { ReadingSlot } from '../closing/ProjectFrame.tsx';

const MIME: Record<DocumentFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

type ExportInput = Parameters<typeof api<'documents.export'>>[1];

interface Props {
  projectId: string;
  document: DocumentKind;
  meetingId?: string;
  /** What else the document is made from: the checklist's view, the report's period, the SOW version, the change request. */
  options?: Pick<ExportInput, 'checklist' | 'period' | 'sowId' | 'changeRequestId' | 'runId'>;
  /** Choices of this document shown beside the formats (grouping, period). */
  children?: ReactNode;
}

export function ExportPanel({ projectId, document, meetingId, options, children }: Props) {
  const t = useT();
  const uiLanguage = useUi((s) => s.language);
  const readingSlot = useContext(ReadingSlot);
  const [formats, setFormats] = useState<DocumentFormat[]>(['pdf', 'docx']);
  const [language, setLanguage] = useState<Language>(uiLanguage);
  const [made, setMade] = useState<string | null>(null);
  const [changeNote, setChangeNote] = useState('');
  const [publish, setPublish] = useState(false);
  // Never carried over from one export to the next: each export that includes secrets is ticked for itself.
  const [includeCredentials, setIncludeCredentials] = useState(false);
  const carriesCredentials = CREDENTIAL_DOCUMENTS.includes(document);
  const history = useQuery('documents.history', { projectId });
  const { busy, run } = useSubmit();
  const mine = madeExports(history.data).filter((h) => h.document === document && h.subjectId === (meetingId ?? options?.sowId ?? options?.changeRequestId ?? options?.runId ?? null));
  // Publishing needs this computer's shared folder (the Sync screen's); the status says whether one is set.
  const share = useSync((s) => s.status);
  useEffect(() => {
    if (!share) void refreshSyncStatus();
  }, [share]);
  const canPublish = Boolean(share?.sharePath);
  const publishing = publish && canPublish;
  const noShareId = useId();

  const make = () =>
    void run(async () => {
      setMade(null);
      const note = changeNote.trim();
      const result = await api('documents.export', {
        projectId,
        document,
        ...(meetingId ? { meetingId } : {}),
        ...options,
        formats,
        language,
        ...(note ? { changeNote: note } : {}),
        ...(publishing ? { publish: true } : {}),
        ...(carriesCredentials && includeCredentials ? { includeCredentials: true } : {}),
      });
      setChangeNote('');
      setIncludeCredentials(false);
      for (const file of result.files) download(file.fileName, fromBase64(file.base64), MIME[file.format]);
      const said = [t('export.made', { version: result.version, files: result.files.map((f) => f.fileName).join(', ') })];
      if (result.published) said.push(t('export.published', { paths: publishedPaths(result.published).join(', ') }));
      if (result.publishError) said.push(notPublishedText(t, result.publishError, await refreshSyncStatus()));
      setMade(said.join(' '));
      await history.reload();
    });

  const panel = (
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
        <label className="checkbox">
          <input
            type="checkbox"
            checked={publishing}
            disabled={!canPublish}
            aria-describedby={share && !canPublish ? noShareId : undefined}
            onChange={(e) => setPublish(e.target.checked)}
          />
          {t('export.publish')}
        </label>
        {carriesCredentials && (
          <label className="checkbox">
            <input type="checkbox" checked={includeCredentials} onChange={(e) => setIncludeCredentials(e.target.checked)} />
            {t('export.includeCredentials')}
          </label>
        )}
        <button type="button" className="primary" onClick={make} disabled={busy || formats.length === 0}>
          {t('export.make')}
        </button>
      </div>
      {share && !canPublish && (
        <p id={noShareId} className="muted">
          {t('export.publishNoShare')} <a href="#/sync">{t('nav.sync')}</a>
        </p>
      )}
      <p role="status" className="muted">
        {busy ? t(publishing ? 'export.makingPublishing' : 'export.making') : made}
      </p>
      {mine.length > 0 && <ExportTable exports={mine} caption={t('export.history')} detailed={false} onPublished={history.reload} />}
    </section>
  );
  // A closed project's page is read-only as a whole; making a document of it only reads it.
  return readingSlot ? createPortal(panel, readingSlot) : panel;
}
