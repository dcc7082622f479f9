// Decisions taken on a topic, worded so that they can go into the implementation concept.
import { useState } from 'react';
import type { Decision } from '../../../../shared/workshops/types.ts';
import { api } from '../../api/client.ts';
import type { PackField } from '../../../../shared/workshops/pack.ts';
import { AutoSelect, AutoText, errorFor, TextField } from '../../components/fields.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { useT } from '../../i18n.ts';
import { writeTopic } from '../../state/open-topic.ts';
import { reportFailure, useUi } from '../../state/ui.ts';

interface Props {
  projectId: string;
  topicKey: string;
  sessionId: string | null;
  decisions: readonly Decision[];
  /** The topic's fields, for the answer a decision changes. */
  fields: readonly PackField[];
}

const NO_FIELD = '';

export function DecisionsPanel({ projectId, topicKey, sessionId, decisions, fields }: Props) {
  const t = useT();
  const language = useUi((s) => s.language);
  const fieldOptions = [{ value: NO_FIELD, label: t('workshops.decisionChangesNone') }, ...fields.map((f) => ({ value: f.key, label: f.label[language] }))];
  const [text, setText] = useState('');
  const { busy, error, run } = useSubmit();
  const add = () =>
    run(async () => {
      await writeTopic(api('decisions.add', { projectId, topicKey, ...(sessionId ? { sessionId } : {}), text }));
      setText('');
    });

  return (
    <section className="panel" aria-labelledby="decisions-heading">
      <h3 id="decisions-heading">{t('workshops.decisions')}</h3>
      {decisions.length === 0 && <p className="muted">{t('workshops.noDecisions')}</p>}
      <ol className="items">
        {decisions.map((d, i) => (
          <li key={d.id} className="item">
            <AutoText
              label={t('workshops.decisionN', { n: i + 1 })}
              saved={d.text}
              save={(v) => writeTopic(api('decisions.update', { id: d.id, text: v }))}
            />
            <AutoSelect
              label={t('workshops.decisionChanges')}
              saved={d.fieldKey ?? NO_FIELD}
              options={fieldOptions}
              save={(v) => writeTopic(api('decisions.update', { id: d.id, fieldKey: v === NO_FIELD ? null : v }))}
              compact
            />
            <button type="button" className="link-button small" onClick={() => void reportFailure(writeTopic(api('decisions.remove', { id: d.id })))}>
              {t('workshops.removeDecision')}
            </button>
          </li>
        ))}
      </ol>
      <form
        className="add-item"
        aria-label={t('workshops.addDecision')}
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <TextField label={t('workshops.newDecision')} value={text} onChange={setText} error={errorFor(t, error, 'text')} required />
        <button type="submit" disabled={busy}>
          {t('workshops.addDecision')}
        </button>
      </form>
    </section>
  );
}
