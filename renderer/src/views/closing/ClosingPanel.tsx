// Closing a project: "Close the project…" looks for what is still open (checklist items, test runs
// not signed off, SOWs not signed, handover parts missing, timers running) and lists it, each with
// a link, before the consultant closes it all the same or goes to finish it first.
import { useState } from 'react';
import type { ClosingCheck, OpenPart } from '../../../../shared/handover/types.ts';
import { formatNumber } from '../../../../shared/checklist/types.ts';
import { localIsoDate } from '../../../../shared/iso-date.ts';
import { sowNumber } from '../../../../shared/sows/types.ts';
import { api } from '../../api/client.ts';
import { DateField } from '../../components/DateField.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { errorFor } from '../../components/fields.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { useT, type Translate } from '../../i18n.ts';
import { writeAndRefresh } from '../../state/open-project.ts';

function OpenPartItem({ projectId, part, t }: { projectId: string; part: OpenPart; t: Translate }) {
  const base = `#/project/${projectId}`;
  switch (part.kind) {
    case 'checklist':
      return (
        <li>
          {part.items.length === 1 ? t('closing.openItemsOne') : t('closing.openItems', { count: part.items.length })}{' '}
          {part.items.slice(0, 10).map((item, i) => (
            <span key={item.id}>
              {i > 0 && ', '}
              <a href={`${base}/checklist/${item.id}`}>
                {formatNumber(item.number)} {item.title}
              </a>
            </span>
          ))}
          {part.items.length > 10 && ` ${t('closing.andMore', { count: part.items.length - 10 })}`}
        </li>
      );
    case 'testRuns':
      return (
        <li>
          {part.runs.length === 1 ? t('closing.unsignedRunsOne') : t('closing.unsignedRuns', { count: part.runs.length })}{' '}
          {part.runs.map((run, i) => (
            <span key={run.id}>
              {i > 0 && ', '}
              <a href={`${base}/tests/${run.id}`}>{run.name || t('closing.unnamedRun')}</a>
            </span>
          ))}
        </li>
      );
    case 'sows':
      return (
        <li>
          {part.sows.length === 1 ? t('closing.unsignedSowsOne') : t('closing.unsignedSows', { count: part.sows.length })}{' '}
          {part.sows.map((sow, i) => (
            <span key={sow.id}>
              {i > 0 && ', '}
              <a href={`${base}/sows/${sow.id}`}>{t('closing.sowVersion', { number: sowNumber(sow.number), version: sow.version, status: t(`sowStatus.${sow.status}`) })}</a>
            </span>
          ))}
        </li>
      );
    case 'handover':
      return (
        <li>
          <a href={`${base}/handover`}>{t('closing.handoverMissing')}</a>: {part.missing.map((m) => t(`handover.missing.${m}`)).join(', ')}
        </li>
      );
    case 'timers':
      return (
        <li>
          <a href={`${base}/time`}>{part.people.length === 1 ? t('closing.timerRunning') : t('closing.timersRunning', { count: part.people.length })}</a>: {part.people.join(', ')}
        </li>
      );
  }
}

export function ClosingPanel({ projectId }: { projectId: string }) {
  const t = useT();
  const [check, setCheck] = useState<ClosingCheck | null>(null);
  const [date, setDate] = useState(() => localIsoDate(new Date()));
  const looking = useSubmit();
  const closing = useSubmit();

  const look = () =>
    void looking.run(async () => {
      setCheck(await api('projects.closingCheck', { id: projectId }));
    });
  const close = (open: boolean) =>
    void closing.run(async () => {
      await writeAndRefresh(api('projects.close', { id: projectId, date, confirmOpen: open }));
      setCheck(null);
    });

  return (
    <section className="panel" aria-labelledby="closing-heading">
      <h2 id="closing-heading">{t('closing.heading')}</h2>
      <p className="muted">{t('closing.explain')}</p>
      <button type="button" onClick={look} disabled={looking.busy}>
        {t('closing.start')}
      </button>
      {check && (
        <Dialog
          title={t('closing.dialogTitle')}
          submitLabel={check.open.length > 0 ? t('closing.closeAnyway') : t('closing.close')}
          cancelLabel={t('common.cancel')}
          busy={closing.busy}
          onCancel={() => setCheck(null)}
          onSubmit={() => close(check.open.length > 0)}
        >
          {check.open.length > 0 ? (
            <>
              <p>{t('closing.stillOpen')}</p>
              <ul className="closing-open">
                {check.open.map((part) => (
                  <OpenPartItem key={part.kind} projectId={projectId} part={part} t={t} />
                ))}
              </ul>
            </>
          ) : (
            <p>{t('closing.nothingOpen')}</p>
          )}
          <DateField label={t('closing.date')} value={date} onChange={setDate} required error={errorFor(t, closing.error, 'date')} />
          {/* Something opened meanwhile (a colleague's item arrived by sync): look again. */}
          {closing.error?.field === 'confirmOpen' && <p role="alert">{t('closing.changedMeanwhile')}</p>}
          <p className="muted">{t('closing.afterwards')}</p>
        </Dialog>
      )}
    </section>
  );
}
