// The workshops of a project: the topics of Initialization and Concept with how complete each is,
// and the chosen topic's form. Without a topic chosen: open questions, decisions and the pack.
import { useEffect } from 'react';
import { percent } from '../../../../shared/workshops/completeness.ts';
import type { TopicSummary } from '../../../../shared/workshops/types.ts';
import { useT } from '../../i18n.ts';
import { useOpenProject } from '../../state/open-project.ts';
import { useOpenTopic } from '../../state/open-topic.ts';
import { useQuery } from '../../state/use-query.ts';
import { reportFailure, useUi } from '../../state/ui.ts';
import { ExportPanel } from '../documents/ExportPanel.tsx';
import { ProjectNav } from '../ProjectNav.tsx';
import { PackPanel } from './PackPanel.tsx';
import { TopicView } from './TopicView.tsx';
import { WorkshopSummary } from './WorkshopSummary.tsx';

function TopicLink({ projectId, topic, current }: { projectId: string; topic: TopicSummary; current: boolean }) {
  const t = useT();
  const language = useUi((s) => s.language);
  const { required } = topic.completeness;
  return (
    <li>
      <a href={`#/project/${projectId}/workshops/${topic.key}`} aria-current={current ? 'page' : undefined}>
        <span>{topic.title[language]}</span>
        <progress max={required.total || 1} value={required.answered} aria-label={t('workshops.requiredOf', { topic: topic.title[language] })} />
        <span className="muted small">
          {topic.state === 'settled'
            ? t('workshops.settled')
            : topic.state === 'notStarted'
              ? t('workshops.notStarted')
              : t('workshops.requiredShort', { answered: required.answered, total: required.total })}
        </span>
      </a>
    </li>
  );
}

export function WorkshopsView({ projectId, topicKey }: { projectId: string; topicKey: string | null }) {
  const t = useT();
  const { detail, open } = useOpenProject();
  // Answers change completeness: the topic list reloads whenever the open topic does.
  const topicDetail = useOpenTopic((s) => s.detail);
  const overview = useQuery('workshops.overview', { projectId });
  const { reload } = overview;

  useEffect(() => {
    void reportFailure(open(projectId));
  }, [projectId, open]);
  useEffect(() => {
    void reload();
  }, [topicDetail, reload]);

  if (!detail || detail.project.id !== projectId || !overview.data) return <p>{t('app.loading')}</p>;
  const { topics, completeness } = overview.data;

  return (
    <section className="workshops" aria-labelledby="workshops-heading">
      <p className="breadcrumb">
        <a href={`#/project/${projectId}`}>{detail.project.name}</a>
      </p>
      <ProjectNav projectId={projectId} current="workshops" />
      <div className="screen-title">
        <h1 id="workshops-heading">{t('workshops.heading', { project: detail.project.name })}</h1>
        <span className="muted">{t('workshops.projectComplete', { percent: percent(completeness.required) })}</span>
      </div>
      <div className="master-detail">
        <nav className="master topic-nav" aria-label={t('workshops.topics')}>
          {(['initialization', 'concept'] as const).map((phase) => (
            <div key={phase}>
              <h2>{t(`phase.${phase}`)}</h2>
              <ul>
                {topics
                  .filter((topic) => topic.phase === phase)
                  .map((topic) => (
                    <TopicLink key={topic.key} projectId={projectId} topic={topic} current={topic.key === topicKey} />
                  ))}
              </ul>
            </div>
          ))}
        </nav>
        <div className="detail">
          {topicKey ? (
            <TopicView project={detail.project} topicKey={topicKey} people={detail.members} topicTitles={new Map(topics.map((x) => [x.key, x.title]))} />
          ) : (
            <>
              <WorkshopSummary projectId={projectId} overview={overview.data} people={detail.members} />
              <ExportPanel projectId={projectId} document="concept" />
              <PackPanel onImported={() => void reload()} />
            </>
          )}
        </div>
      </div>
    </section>
  );
}
