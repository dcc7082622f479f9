// The parts a meeting has while it is a training: audience, trainer, topics (from the pack's list
// and the consultant's own), materials (files kept with the project, or links) and each present
// attendee's feedback, a score of 1 to 5 as a radio group (arrow keys) and a comment.
import { useState } from 'react';
import { MATERIAL_TYPES } from '../../../../shared/limits.ts';
import type { ProjectMember } from '../../../../shared/domain.ts';
import { TRAINING_AUDIENCES, type MeetingDetail, type TrainingAudience, type TrainingMaterial } from '../../../../shared/meetings/types.ts';
import { api } from '../../api/client.ts';
import { download, fromBase64 } from '../../components/download.ts';
import { FileButton } from '../../components/FileButton.tsx';
import { AddItemForm } from '../../components/AddItemForm.tsx';
import { AutoSelect, AutoText, emptyToNull, errorFor, TextField } from '../../components/fields.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { useT } from '../../i18n.ts';
import { trackSave } from '../../state/saving.ts';
import { reportFailure, useUi } from '../../state/ui.ts';
import { useDraft } from '../../state/use-draft.ts';
import { useQuery } from '../../state/use-query.ts';
import { ScoreGroup } from '../lessons/ScoreGroup.tsx';

interface Props {
  detail: MeetingDetail;
  people: readonly ProjectMember[];
  onChanged: () => Promise<void>;
}

type Patch = Omit<Parameters<typeof api<'meetings.update'>>[1], 'id'>;

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve((reader.result as string).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsDataURL(file);
  });
}

export function TrainingParts({ detail, people, onChanged }: Props) {
  const t = useT();
  const language = useUi((s) => s.language);
  const { meeting } = detail;
  const topics = useQuery('training.topics', { projectId: meeting.projectId });
  const [customTopic, setCustomTopic] = useState('');
  const write = (call: Promise<unknown>) => void reportFailure(trackSave(call).then(onChanged));
  const update = (patch: Patch) => trackSave(api('meetings.update', { id: meeting.id, ...patch })).then(onChanged);
  const trainers = [{ value: '', label: t('workshops.noOwner') }, ...[...people].sort((a, b) => (a.person.side === 'consultancy' ? -1 : 0) - (b.person.side === 'consultancy' ? -1 : 0)).map((m) => ({ value: m.person.id, label: m.person.name }))];

  const addTopic = () => {
    if (!customTopic.trim()) return;
    write(api('meetings.update', { id: meeting.id, trainingCustomTopics: [...meeting.trainingCustomTopics, customTopic.trim()] }));
    setCustomTopic('');
  };

  return (
    <section className="panel" aria-labelledby="training-heading">
      <h3 id="training-heading">{t('training.heading')}</h3>
      <div className="form-grid">
        <AutoSelect label={t('training.trainer')} saved={meeting.trainerId ?? ''} options={trainers} save={(v) => update({ trainerId: emptyToNull(v) })} />
      </div>
      <TickList
        legend={t('training.audience')}
        options={TRAINING_AUDIENCES.map((a) => ({ value: a, label: t(`trainingAudience.${a}`) }))}
        saved={meeting.trainingAudience}
        save={(values) => update({ trainingAudience: values as TrainingAudience[] })}
      />
      {meeting.trainingAudience.includes('other') && (
        <AutoText label={t('training.audienceOther')} saved={meeting.trainingAudienceOther} save={(trainingAudienceOther) => update({ trainingAudienceOther })} />
      )}

      <TickList
        legend={t('training.topics')}
        options={(topics.data ?? []).map((topic) => ({ value: topic.key, label: topic.title[language], note: topic.audience && t(`trainingAudience.${topic.audience}`) }))}
        saved={meeting.trainingTopicKeys}
        save={(trainingTopicKeys) => update({ trainingTopicKeys })}
      />
      {meeting.trainingCustomTopics.length > 0 && (
        <ul className="items">
          {meeting.trainingCustomTopics.map((topic) => (
            <li key={topic} className="item">
              {topic}{' '}
              <button
                type="button"
                className="link-button"
                aria-label={t('training.remove', { name: topic })}
                onClick={() => write(api('meetings.update', { id: meeting.id, trainingCustomTopics: meeting.trainingCustomTopics.filter((x) => x !== topic) }))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <AddItemForm onAdd={addTopic}>
        <TextField label={t('training.customTopic')} value={customTopic} onChange={setCustomTopic} />
        <button type="submit">{t('training.addTopic')}</button>
      </AddItemForm>

      <Materials detail={detail} onChanged={onChanged} />
      <Feedback detail={detail} people={people} onChanged={onChanged} />
    </section>
  );
}

/** Ticks that show at once and save as a whole list. */
function TickList({ legend, options, saved, save }: { legend: string; options: { value: string; label: string; note?: string | undefined }[]; saved: readonly string[]; save: (values: string[]) => Promise<unknown> }) {
  const draft = useDraft<readonly string[]>(saved, (values) => save([...values]));
  return (
    <fieldset className="choice-group">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="checkbox">
          <input type="checkbox" checked={draft.value.includes(o.value)} onChange={(e) => draft.commit(e.target.checked ? [...draft.value, o.value] : draft.value.filter((v) => v !== o.value))} />
          {o.label}
          {o.note && <span className="muted small"> · {o.note}</span>}
        </label>
      ))}
    </fieldset>
  );
}

function Materials({ detail, onChanged }: Pick<Props, 'detail' | 'onChanged'>) {
  const t = useT();
  const meetingId = detail.meeting.id;
  const [name, setName] = useState('');
  const [link, setLink] = useState('');
  const { busy, error, run } = useSubmit();
  const attach = (file: File) =>
    void run(async () => {
      const base64 = await readBase64(file);
      await trackSave(api('training.addMaterial', { meetingId, name: file.name, mediaType: file.type, base64 }));
      await onChanged();
    });
  const addLink = () =>
    void run(async () => {
      await trackSave(api('training.addMaterial', { meetingId, name: name.trim() || link.trim(), link: link.trim() }));
      setName('');
      setLink('');
      await onChanged();
    });
  const open = (m: TrainingMaterial) =>
    void reportFailure(
      api('training.material', { id: m.id }).then((file) => {
        const [, base64 = ''] = file.dataUrl.split(',');
        download(m.name, fromBase64(base64), m.mediaType);
      }),
    );
  return (
    <section aria-labelledby="materials-heading">
      <h4 id="materials-heading">{t('training.materials')}</h4>
      {detail.materials.length === 0 && <p className="muted">{t('training.noMaterials')}</p>}
      <ul className="items">
        {detail.materials.map((m) => (
          <li key={m.id} className="item">
            {m.link ? (
              <a href={m.link} target="_blank" rel="noreferrer">
                {m.name}
              </a>
            ) : (
              <button type="button" className="link-button" onClick={() => open(m)} aria-label={t('training.open', { name: m.name })}>
                {m.name}
              </button>
            )}{' '}
            <button type="button" className="link-button" aria-label={t('training.remove', { name: m.name })} onClick={() => void reportFailure(trackSave(api('training.removeMaterial', { id: m.id })).then(onChanged))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <p>
        <FileButton label={t('training.attachFile')} accept={MATERIAL_TYPES.join(',')} describedBy="material-file-hint" onFile={attach} />{' '}
        <span id="material-file-hint" className="muted small">
          {t('training.fileHint')}
        </span>
      </p>
      {errorFor(t, error, 'base64') ?? errorFor(t, error, 'mediaType') ? (
        <p className="field-error" role="alert">
          {errorFor(t, error, 'base64') ?? errorFor(t, error, 'mediaType')}
        </p>
      ) : null}
      <AddItemForm onAdd={addLink}>
        <TextField label={t('training.materialName')} value={name} onChange={setName} error={errorFor(t, error, 'name')} />
        <TextField label={t('training.materialLink')} value={link} onChange={setLink} error={errorFor(t, error, 'link')} />
        <button type="submit" disabled={busy}>
          {t('training.addLink')}
        </button>
      </AddItemForm>
    </section>
  );
}

function Feedback({ detail, people, onChanged }: Props) {
  const t = useT();
  const meetingId = detail.meeting.id;
  const present = detail.attendees
    .filter((a) => a.presence === 'present')
    .map((a) => people.find((m) => m.person.id === a.personId))
    .filter((m): m is ProjectMember => m !== undefined);
  return (
    <section aria-labelledby="feedback-heading">
      <h4 id="feedback-heading">{t('training.feedback')}</h4>
      {present.length === 0 && <p className="muted">{t('training.noFeedback')}</p>}
      {present.map((m) => {
        const given = detail.feedback.find((f) => f.personId === m.person.id);
        return (
          <div key={m.person.id} className="feedback-row">
            <ScoreGroup
              legend={t('training.scoreOf', { name: m.person.name })}
              name={`score-${m.person.id}`}
              saved={given?.score ?? null}
              save={(score) => api('training.setFeedback', { meetingId, personId: m.person.id, score }).then(onChanged)}
            />
            <AutoText
              label={t('training.commentOf', { name: m.person.name })}
              saved={given?.comment ?? ''}
              save={(comment) => api('training.setFeedback', { meetingId, personId: m.person.id, comment }).then(onChanged)}
            />
          </div>
        );
      })}
    </section>
  );
}
