// When a session took place, who attended (from the project's people) and free notes.
import type { ProjectMember } from '../../../../shared/domain.ts';
import type { WorkshopSession } from '../../../../shared/workshops/types.ts';
import { api } from '../../api/client.ts';
import { AutoDate } from '../../components/DateField.tsx';
import { AutoText, emptyToNull, errorFor } from '../../components/fields.tsx';
import { useT } from '../../i18n.ts';
import { writeTopic } from '../../state/open-topic.ts';
import { useDraft } from '../../state/use-draft.ts';

interface Props {
  session: WorkshopSession;
  people: readonly ProjectMember[];
  readOnly: boolean;
}

export function SessionHeader({ session, people, readOnly }: Props) {
  const t = useT();
  const update = (patch: { date?: string | null; notes?: string; attendees?: string[] }) => writeTopic(api('sessions.update', { id: session.id, ...patch }));
  const attendees = useDraft<string[]>(session.attendees, (list) => update({ attendees: list }));

  return (
    <fieldset className="session-header" disabled={readOnly}>
      <legend>{t('workshops.session')}</legend>
      <div className="form-grid">
        <AutoDate label={t('workshops.date')} saved={session.date ?? ''} save={(v) => update({ date: emptyToNull(v) })} />
      </div>
      <fieldset className="choice-group">
        <legend>{t('workshops.attendees')}</legend>
        {people.length === 0 && <p className="muted">{t('workshops.noPeople')}</p>}
        <div className="choices">
          {people.map((m) => (
            <label key={m.person.id} className="checkbox">
              <input
                type="checkbox"
                checked={attendees.value.includes(m.person.id)}
                onChange={(e) =>
                  attendees.commit(e.target.checked ? [...attendees.value, m.person.id] : attendees.value.filter((id) => id !== m.person.id))
                }
              />
              {m.person.name} <span className="muted">({t(`side.${m.person.side}`)})</span>
            </label>
          ))}
        </div>
        {attendees.error && (
          <p className="field-error" role="alert">
            {errorFor(t, attendees.error)}
          </p>
        )}
      </fieldset>
      <AutoText label={t('workshops.notes')} multiline saved={session.notes} save={(notes) => update({ notes })} />
    </fieldset>
  );
}
