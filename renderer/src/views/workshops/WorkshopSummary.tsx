// What all workshops of a project left open and what they settled: open questions (with owner and
// due date, overdue first) and decisions, each linked to its topic. Shown on the dashboard too.
import type { ProjectMember } from '../../../../shared/domain.ts';
import { localIsoDate } from '../../../../shared/iso-date.ts';
import { percent } from '../../../../shared/workshops/completeness.ts';
import type { WorkshopOverview } from '../../../../shared/workshops/types.ts';
import { formatDate, useT } from '../../i18n.ts';
import { useUi } from '../../state/ui.ts';

interface Props {
  projectId: string;
  overview: WorkshopOverview;
  people: readonly ProjectMember[];
}

export function WorkshopSummary({ projectId, overview, people }: Props) {
  const t = useT();
  const language = useUi((s) => s.language);
  const titleOf = (key: string) => overview.topics.find((x) => x.key === key)?.title[language] ?? key;
  const nameOf = (id: string | null) => people.find((m) => m.person.id === id)?.person.name ?? t('workshops.noOwner');
  const today = localIsoDate(new Date());

  return (
    <section className="panel" aria-labelledby="workshop-summary-heading">
      <h2 id="workshop-summary-heading">{t('workshops.summary')}</h2>
      <p>
        {t('workshops.requiredDone', { answered: overview.completeness.required.answered, total: overview.completeness.required.total })} (
        {percent(overview.completeness.required)} %) · {t('workshops.allDone', { percent: percent(overview.completeness.all) })}
      </p>
      <h3>{t('workshops.openQuestions', { count: overview.openQuestions.length })}</h3>
      {overview.openQuestions.length === 0 ? (
        <p className="muted">{t('workshops.noQuestions')}</p>
      ) : (
        <ul className="gathered">
          {overview.openQuestions.map((q) => {
            const overdue = q.dueDate !== null && q.dueDate < today;
            return (
              <li key={q.id} className={overdue ? 'overdue' : undefined}>
                <a href={`#/project/${projectId}/workshops/${q.topicKey}`}>{titleOf(q.topicKey)}</a>: {q.text}{' '}
                <span className="muted">
                  ({nameOf(q.ownerId)}
                  {q.dueDate ? `, ${t('workshops.dueOn', { date: formatDate(language, q.dueDate) ?? '' })}` : ''})
                </span>
                {overdue && <strong> {t('workshops.overdue')}</strong>}
              </li>
            );
          })}
        </ul>
      )}
      <h3>{t('workshops.decisionsCount', { count: overview.decisions.length })}</h3>
      {overview.decisions.length === 0 ? (
        <p className="muted">{t('workshops.noDecisions')}</p>
      ) : (
        <ul className="gathered">
          {overview.decisions.map((d) => (
            <li key={d.id}>
              <a href={`#/project/${projectId}/workshops/${d.topicKey}`}>{titleOf(d.topicKey)}</a>: {d.text}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
