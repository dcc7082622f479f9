// One activity: a tick for "done", its status, date and note, and removal for the consultant's own.
import type { Activity, ActivityStatus } from '../../../shared/domain.ts';
import type { MethodInput } from '../../../shared/api.ts';
import { api } from '../api/client.ts';
import { AutoDate } from '../components/DateField.tsx';
import { AutoText, emptyToNull, errorFor, SelectField } from '../components/fields.tsx';
import { activityHint, activityTitle, useT } from '../i18n.ts';
import { writeAndRefresh } from '../state/open-project.ts';
import { reportFailure, useUi } from '../state/ui.ts';
import { useDraft } from '../state/use-draft.ts';
import { activityStatusOptions } from './options.ts';

type Patch = Omit<MethodInput<'activities.update'>, 'id'>;

export function ActivityRow({ activity }: { activity: Activity }) {
  const t = useT();
  const language = useUi((s) => s.language);
  const title = activityTitle(activity, language);
  const hint = activityHint(activity, language);
  const update = (patch: Patch) => writeAndRefresh(api('activities.update', { id: activity.id, ...patch }));
  // The tick and the status select are two views of one value.
  const status = useDraft<ActivityStatus>(activity.status, (s) => update({ status: s }));

  return (
    <li className={`activity activity-${status.value}${activity.parentKey ? ' activity-child' : ''}`}>
      <div className="activity-head">
        <input
          type="checkbox"
          id={`done-${activity.id}`}
          checked={status.value === 'done'}
          aria-label={t('checklist.done', { title })}
          onChange={(e) => status.commit(e.target.checked ? 'done' : 'open')}
        />
        <label htmlFor={`done-${activity.id}`} className="activity-title" aria-hidden="true">
          {title}
        </label>
        {activity.templateKey === null && (
          <button
            type="button"
            className="link-button"
            aria-label={t('checklist.remove', { title })}
            onClick={() => void reportFailure(writeAndRefresh(api('activities.remove', { id: activity.id })))}
          >
            ×
          </button>
        )}
      </div>
      {hint && <p className="activity-hint">{hint}</p>}
      <div className="activity-fields">
        <SelectField
          compact
          label={t('checklist.status', { title })}
          value={status.value}
          options={activityStatusOptions(t)}
          onChange={(v) => status.commit(v as ActivityStatus)}
          error={errorFor(t, status.error)}
        />
        <AutoDate compact label={t('checklist.date', { title })} saved={activity.date ?? ''} save={(v) => update({ date: emptyToNull(v) })} />
        <AutoText compact label={t('checklist.note', { title })} saved={activity.note} save={(note) => update({ note })} />
      </div>
    </li>
  );
}
