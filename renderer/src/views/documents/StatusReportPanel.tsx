// The weekly status report, made from the project overview for a chosen period (the last seven
// days unless changed). The consultant's summary, risks and, where the checklist alone misreads
// the project, their own traffic light with its reason are kept with the project from week to week.
import { useState } from 'react';
import type { StatusNotes, TrafficLight } from '../../../../shared/domain.ts';
import { trafficLight } from '../../../../shared/documents/status-report.ts';
import { localIsoDate } from '../../../../shared/iso-date.ts';
import { api } from '../../api/client.ts';
import { DateField } from '../../components/DateField.tsx';
import { AutoSelect, AutoText } from '../../components/fields.tsx';
import { useT } from '../../i18n.ts';
import { writeAndRefresh } from '../../state/open-project.ts';
import { useQuery } from '../../state/use-query.ts';
import { ExportPanel } from './ExportPanel.tsx';

const daysBefore = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
/** The light select's value for "the computed light stands". */
const COMPUTED = '';

export function StatusReportPanel({ projectId, notes }: { projectId: string; notes: StatusNotes }) {
  const t = useT();
  const today = localIsoDate(new Date());
  const [from, setFrom] = useState(daysBefore(today, 6));
  const [to, setTo] = useState(today);
  const items = useQuery('requirements.list', { projectId }).data;
  const computed = items ? trafficLight(items, to || today) : null;
  const save = (patch: Partial<StatusNotes>) => writeAndRefresh(api('projects.updateStatusNotes', { id: projectId, ...patch }));
  const lightOptions = [
    { value: COMPUTED, label: computed ? t('status.computedLight', { light: t(`doc.status.light.${computed}`) }) : t('status.computed') },
    ...(['green', 'amber', 'red'] as const).map((l) => ({ value: l, label: t(`doc.status.light.${l}`) })),
  ];
  return (
    <ExportPanel projectId={projectId} document="status" options={from && to ? { period: { from, to } } : {}}>
      <div className="status-notes">
        <AutoText label={t('status.summary')} multiline saved={notes.summary} save={(summary) => save({ summary })} hint={t('status.summaryHint')} />
        <AutoText label={t('status.risks')} multiline saved={notes.risks} save={(risks) => save({ risks })} />
        <AutoSelect
          label={t('status.light')}
          saved={notes.light ?? COMPUTED}
          options={lightOptions}
          save={(light) => save({ light: light === COMPUTED ? null : (light as TrafficLight) })}
        />
        {notes.light && <AutoText label={t('status.lightReason')} saved={notes.lightReason} save={(lightReason) => save({ lightReason })} />}
      </div>
      <DateField label={t('export.from')} value={from} onChange={setFrom} />
      <DateField label={t('export.to')} value={to} onChange={setTo} />
    </ExportPanel>
  );
}
