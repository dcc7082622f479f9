// The weekly status report, made from the project overview for a chosen period (the last seven
// days unless changed).
import { useState } from 'react';
import { localIsoDate } from '../../../../shared/iso-date.ts';
import { TextField } from '../../components/fields.tsx';
import { useT } from '../../i18n.ts';
import { ExportPanel } from './ExportPanel.tsx';

const daysBefore = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

export function StatusReportPanel({ projectId }: { projectId: string }) {
  const t = useT();
  const today = localIsoDate(new Date());
  const [from, setFrom] = useState(daysBefore(today, 6));
  const [to, setTo] = useState(today);
  return (
    <ExportPanel projectId={projectId} document="status" options={from && to ? { period: { from, to } } : {}}>
      <TextField label={t('export.from')} type="date" value={from} onChange={setFrom} />
      <TextField label={t('export.to')} type="date" value={to} onChange={setTo} />
    </ExportPanel>
  );
}
