// Who came: each of the project's people, present, apologised or not expected, by organisation.
import type { ProjectMember } from '../../../../shared/domain.ts';
import { PRESENCES, type Attendee, type Presence } from '../../../../shared/meetings/types.ts';
import { api } from '../../api/client.ts';
import { SelectField } from '../../components/fields.tsx';
import { useT } from '../../i18n.ts';
import { trackSave } from '../../state/saving.ts';
import { reportFailure } from '../../state/ui.ts';

interface Props {
  meetingId: string;
  attendees: readonly Attendee[];
  people: readonly ProjectMember[];
  /** The section's heading: "Attendees", or a training's "Attendance". */
  heading?: string | undefined;
  onChanged: () => void;
}

const NOT_EXPECTED = '';

export function AttendeesTable({ meetingId, attendees, people, heading, onChanged }: Props) {
  const t = useT();
  const options = [{ value: NOT_EXPECTED, label: t('presence.none') }, ...PRESENCES.map((p) => ({ value: p, label: t(`presence.${p}`) }))];
  const sorted = [...people].sort((a, b) => a.person.side.localeCompare(b.person.side) || a.person.name.localeCompare(b.person.name));
  const set = (personId: string, value: string) =>
    void reportFailure(
      trackSave(api('meetings.setAttendee', { meetingId, personId, presence: value === NOT_EXPECTED ? null : (value as Presence) })).then(onChanged),
    );
  return (
    <section className="panel" aria-labelledby="attendees-heading">
      <h3 id="attendees-heading">{heading ?? t('meetings.attendees')}</h3>
      {people.length === 0 && <p className="muted">{t('workshops.noPeople')}</p>}
      <table className="attendees">
        <caption className="visually-hidden">{heading ?? t('meetings.attendees')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('person.name')}</th>
            <th scope="col">{t('person.side')}</th>
            <th scope="col">{t('meetings.presence')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((m) => (
            <tr key={m.person.id}>
              <th scope="row">{m.person.name}</th>
              <td>{`${t(`side.${m.person.side}`)}${m.person.organisation ? ` · ${m.person.organisation}` : ''}`}</td>
              <td>
                <SelectField
                  compact
                  label={t('meetings.presenceOf', { name: m.person.name })}
                  value={attendees.find((a) => a.personId === m.person.id)?.presence ?? NOT_EXPECTED}
                  options={options}
                  onChange={(v) => set(m.person.id, v)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
