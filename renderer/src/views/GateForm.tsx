// The Go / No-Go decision between Initialization and Concept, saved as one record as it is typed.
import type { GateRecord, Project } from '../../../shared/domain.ts';
import { api } from '../api/client.ts';
import { DateField } from '../components/DateField.tsx';
import { errorFor, FieldFrame, SelectField } from '../components/fields.tsx';
import { useT } from '../i18n.ts';
import { writeAndRefresh } from '../state/open-project.ts';
import { useDraft } from '../state/use-draft.ts';
import { gateOptions } from './options.ts';

type TextKey = 'decidedBy' | 'rationale' | 'conditions';

export function GateForm({ project }: { project: Project }) {
  const t = useT();
  const draft = useDraft<GateRecord>(project.gate, (gate) => writeAndRefresh(api('projects.recordGate', { id: project.id, ...gate })));
  const gate = draft.value;

  const text = (key: TextKey, multiline: boolean) => (
    <FieldFrame label={t(`gate.${key}`)} error={errorFor(t, draft.error, key)}>
      {({ id, describedBy }) => {
        const common = { id, value: gate[key], 'aria-describedby': describedBy, onBlur: () => void draft.flush() };
        return multiline ? (
          <textarea {...common} rows={2} onChange={(e) => draft.change({ ...gate, [key]: e.target.value })} />
        ) : (
          <input {...common} onChange={(e) => draft.change({ ...gate, [key]: e.target.value })} />
        );
      }}
    </FieldFrame>
  );

  return (
    <section className="panel" aria-labelledby="gate-heading">
      <h2 id="gate-heading">{t('gate.heading')}</h2>
      <p className="muted">{t('gate.intro')}</p>
      <div className="form-grid">
        <SelectField
          label={t('gate.decision')}
          value={gate.decision}
          options={gateOptions(t)}
          onChange={(decision) => draft.commit({ ...gate, decision: decision as GateRecord['decision'] })}
          error={errorFor(t, draft.error, 'decision')}
        />
        <DateField
          label={t('gate.date')}
          value={gate.date ?? ''}
          onChange={(date) => draft.change({ ...gate, date: date === '' ? null : date })}
          onBlur={() => void draft.flush()}
          error={errorFor(t, draft.error, 'date')}
        />
        {text('decidedBy', false)}
      </div>
      {text('rationale', true)}
      {text('conditions', true)}
    </section>
  );
}
