// Decisions taken on a topic, worded so that they can go into the implementation concept.
import { useState } from 'react';
import type { Decision } from '../../../../shared/workshops/types.ts';
import { api } from '../../api/client.ts';
import { AutoText, errorFor, TextField } from '../../components/fields.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { useT } from '../../i18n.ts';
import { writeTopic } from '../../state/open-topic.ts';
import { reportFailure } from '../../state/ui.ts';

interface Props {
  projectId: string;
  topicKey: string;
  sessionId: string | null;
  decisions: readonly Decision[];
}

export function DecisionsPanel({ projectId, topicKey, sessionId, decisions }: Props) {
  const t = useT();
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
