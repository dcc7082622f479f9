// The project's own fields, each saved as it is typed.
import type { Project } from '../../../shared/domain.ts';
import type { MethodInput } from '../../../shared/api.ts';
import { api } from '../api/client.ts';
import { AutoDate } from '../components/DateField.tsx';
import { AutoSelect, AutoText, emptyToNull, toCount } from '../components/fields.tsx';
import { useT } from '../i18n.ts';
import { writeAndRefresh } from '../state/open-project.ts';
import { projectStatusOptions } from './options.ts';

type Patch = Omit<MethodInput<'projects.update'>, 'id'>;

export function ProjectDetailsForm({ project }: { project: Project }) {
  const t = useT();
  const update = (patch: Patch) => writeAndRefresh(api('projects.update', { id: project.id, ...patch }));

  return (
    <section className="panel" aria-labelledby="details-heading">
      <h2 id="details-heading">{t('project.details')}</h2>
      <AutoText label={t('project.name')} saved={project.name} save={(name) => update({ name })} />
      <div className="form-grid">
        <AutoText label={t('project.product')} saved={project.product} save={(product) => update({ product })} />
        <AutoText label={t('project.productVersion')} saved={project.productVersion} save={(productVersion) => update({ productVersion })} />
        <AutoSelect
          label={t('project.status')}
          saved={project.status}
          // Closing has a step of its own (it checks what is still open); here it only shows.
          options={projectStatusOptions(t).filter((o) => o.value !== 'closed' || project.status === 'closed')}
          save={(status) => update({ status: status as Exclude<Project['status'], 'closed'> })}
        />
        <AutoDate label={t('project.startDate')} saved={project.startDate ?? ''} save={(v) => update({ startDate: emptyToNull(v) })} />
        <AutoDate label={t('project.targetDate')} saved={project.targetDate ?? ''} save={(v) => update({ targetDate: emptyToNull(v) })} />
        <AutoText
          label={t('project.mailboxes')}
          type="number"
          saved={project.mailboxes?.toString() ?? ''}
          save={(v) => update({ mailboxes: toCount(v) })}
        />
        <AutoText
          label={t('project.concurrentSessions')}
          type="number"
          saved={project.concurrentSessions?.toString() ?? ''}
          save={(v) => update({ concurrentSessions: toCount(v) })}
        />
      </div>
      <AutoText label={t('project.description')} multiline saved={project.description} save={(description) => update({ description })} />
    </section>
  );
}
