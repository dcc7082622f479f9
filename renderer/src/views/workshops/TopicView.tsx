// One workshop topic: its sessions (the current one editable, earlier ones as they were), the
// form with conditions and derived hints, answers a newer form no longer has, open questions and
// decisions, and the project-level panel a topic feeds: the hardware sizing for Technology
// transfer, the project's gate for Go / No-Go (one decision, not a second copy in the answers).
import { Fragment, useEffect, useState } from 'react';
import type { Project, ProjectMember } from '../../../../shared/domain.ts';
import type { Answers } from '../../../../shared/workshops/answers.ts';
import type { CheckValue, Localized } from '../../../../shared/workshops/pack.ts';
import { percent } from '../../../../shared/workshops/completeness.ts';
import { activeHints, visibleFields } from '../../../../shared/workshops/conditions.ts';
import type { WorkshopSession } from '../../../../shared/workshops/types.ts';
import { api } from '../../api/client.ts';
import { formatDate, useT } from '../../i18n.ts';
import { useOpenTopic, writeTopic } from '../../state/open-topic.ts';
import { reportFailure, useUi } from '../../state/ui.ts';
import { GateForm } from '../GateForm.tsx';
import { AnswerField } from './AnswerField.tsx';
import { DecisionsPanel } from './DecisionsPanel.tsx';
import { QuestionsPanel } from './QuestionsPanel.tsx';
import { SessionHeader } from './SessionHeader.tsx';
import { SizingPanel } from './SizingPanel.tsx';
import { formatAnswer } from './format-answer.ts';

interface Props {
  project: Project;
  topicKey: string;
  people: readonly ProjectMember[];
  /** Every topic's title, to say which workshop a value flows from. */
  topicTitles: ReadonlyMap<string, Localized>;
}

/** Panels of the project itself shown with the topic whose workshop settles them. */
function ProjectPanel({ project, topicKey, answers }: { project: Project; topicKey: string; answers: Answers }) {
  if (topicKey === 'technology-transfer') {
    const mailboxes = answers['mailboxCount'];
    return <SizingPanel projectId={project.id} mailboxesAnswered={typeof mailboxes === 'number' ? mailboxes : null} />;
  }
  if (topicKey === 'go-no-go') return <GateForm project={project} />;
  return null;
}

/** Where a value that was not typed here comes from; typing in the field makes it this workshop's own. */
function FlowNote({ source, topicTitles }: { source: CheckValue; topicTitles: ReadonlyMap<string, Localized> }) {
  const t = useT();
  const language = useUi((s) => s.language);
  const from =
    'project' in source
      ? t('workshops.fromProject')
      : 'sizing' in source
        ? t('workshops.fromSizing')
        : t('workshops.fromTopic', { topic: topicTitles.get(source.topic)?.[language] ?? source.topic });
  return <p className="muted small">{t('workshops.flowed', { from })}</p>;
}

export function TopicView({ project, topicKey, people, topicTitles }: Props) {
  const projectId = project.id;
  const t = useT();
  const language = useUi((s) => s.language);
  const { detail, open } = useOpenTopic();
  const [shownId, setShownId] = useState<string | null>(null);

  useEffect(() => {
    setShownId(null);
    void reportFailure(open(projectId, topicKey));
  }, [projectId, topicKey, open]);

  if (!detail || detail.topic.key !== topicKey) return <p>{t('app.loading')}</p>;
  const { topic, sessions, completeness } = detail;
  const current = sessions.at(-1);
  const shown: WorkshopSession | undefined = sessions.find((s) => s.id === shownId) ?? current;
  const editable = shown !== undefined && shown.id === current?.id;
  const answers = shown?.answers ?? {};

  const startSession = () => void reportFailure(writeTopic(api('sessions.create', { projectId, topicKey })).then(() => setShownId(null)));

  return (
    <article className="topic" aria-labelledby="topic-heading">
      <div className="screen-title">
        <h2 id="topic-heading">{topic.title[language]}</h2>
        <span className="muted">
          {t('workshops.requiredDone', { answered: completeness.required.answered, total: completeness.required.total })} ·{' '}
          {t('workshops.allDone', { percent: percent(completeness.all) })}
        </span>
      </div>
      {topic.intro && <p>{topic.intro[language]}</p>}

      {sessions.length === 0 ? (
        <p>
          <button type="button" className="primary" onClick={startSession}>
            {t('workshops.startFirst')}
          </button>
        </p>
      ) : (
        <div className="sessions-bar" role="group" aria-label={t('workshops.sessions')}>
          {sessions.map((s, i) => (
            <button key={s.id} type="button" aria-pressed={s.id === shown?.id} onClick={() => setShownId(s.id)}>
              {t(i === 0 ? 'workshops.sessionFirst' : 'workshops.sessionFollowUp', { n: i + 1, date: formatDate(language, s.date) ?? '–' })}
            </button>
          ))}
          <button type="button" onClick={startSession}>
            {t('workshops.startFollowUp')}
          </button>
        </div>
      )}

      {shown && (
        <>
          {!editable && <p className="banner banner-warning">{t('workshops.earlierSession')}</p>}
          <SessionHeader key={shown.id} session={shown} people={people} readOnly={!editable} />
          {activeHints(topic, answers).map((h, i) => (
            <p key={i} className={`hint hint-${h.severity}`} role="note">
              {h.text[language]}
            </p>
          ))}
          {editable &&
            detail.contradictions.map((c) => (
              <p key={c.key} className={`hint hint-${c.severity}`} role="note">
                <strong>{t('workshops.contradiction')}</strong> {c.text[language]}
              </p>
            ))}
          {editable && completeness.missingRequired.length > 0 && (
            <p className="muted">
              {t('workshops.missing', {
                fields: completeness.missingRequired.map((k) => topic.fields.find((f) => f.key === k)?.label[language] ?? k).join(', '),
              })}
            </p>
          )}
          <fieldset className="topic-form" disabled={!editable}>
            <legend className="visually-hidden">{topic.title[language]}</legend>
            {visibleFields(topic, answers).map((field) => {
              const decision = detail.decisions.find((d) => d.fieldKey === field.key);
              return (
                <Fragment key={`${shown.id}/${field.key}`}>
                  <AnswerField field={field} value={answers[field.key]} sessionId={shown.id} people={people} />
                  {shown.flowed[field.key] && <FlowNote source={shown.flowed[field.key]!} topicTitles={topicTitles} />}
                  {decision && (
                    <p className="hint hint-info" role="note">
                      {t('workshops.changedByDecision', { decision: decision.text })}
                    </p>
                  )}
                </Fragment>
              );
            })}
          </fieldset>
          {shown.orphanAnswers.length > 0 && (
            <section className="panel" aria-labelledby="orphans-heading">
              <h3 id="orphans-heading">{t('workshops.orphans')}</h3>
              <p className="muted">{t('workshops.orphansHint')}</p>
              <dl>
                {shown.orphanAnswers.map((o) => (
                  <div key={o.key}>
                    <dt>{o.label?.[language] ?? o.key}</dt>
                    <dd>{formatAnswer(o.value)}</dd>
                  </div>
                ))}
              </dl>
            </section>
          )}
        </>
      )}

      <ProjectPanel project={project} topicKey={topicKey} answers={current?.answers ?? {}} />
      <QuestionsPanel projectId={projectId} topicKey={topicKey} sessionId={current?.id ?? null} questions={detail.questions} people={people} />
      <DecisionsPanel projectId={projectId} topicKey={topicKey} sessionId={current?.id ?? null} decisions={detail.decisions} fields={topic.fields} />
    </article>
  );
}
