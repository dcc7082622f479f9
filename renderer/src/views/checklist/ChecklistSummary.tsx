// The checklist at a glance on the project dashboard: how much is done, what is overdue or due
// this week, and the way to the list and to the meetings.
import { isOpen, isOverdue, queryItems } from '../../../../shared/checklist/view.ts';
import { localIsoDate } from '../../../../shared/iso-date.ts';
import { useT } from '../../i18n.ts';
import { useQuery } from '../../state/use-query.ts';
import { useItemText } from './item-text.ts';

export function ChecklistSummary({ projectId }: { projectId: string }) {
  const t = useT();
  const { show } = useItemText();
  const items = useQuery('requirements.list', { projectId }).data;
  if (!items) return null;
  const today = localIsoDate(new Date());
  const dueThisWeek = queryItems(items, { view: 'dueThisWeek', filters: {}, search: '', sort: { column: 'dueDate', descending: false } }, show, today);
  return (
    <section className="panel" aria-labelledby="checklist-summary-heading">
      <h2 id="checklist-summary-heading">{t('projectNav.checklist')}</h2>
      <p>
        {t('requirements.summary', {
          done: items.filter((r) => !isOpen(r)).length,
          total: items.length,
          overdue: items.filter((r) => isOverdue(r, today)).length,
          week: dueThisWeek.length,
        })}
      </p>
      <p>
        <a className="button" href={`#/project/${projectId}/checklist`}>
          {t('requirements.open')}
        </a>{' '}
        <a className="button" href={`#/project/${projectId}/meetings`}>
          {t('meetings.open')}
        </a>
      </p>
    </section>
  );
}
