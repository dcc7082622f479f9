// The handover to support (Approval phase): who is in charge afterwards on every side, level by
// level; what the installed systems and test accounts are (their own screens); the checklist items
// still open; known limitations; the test of the support ticket process; the customer's acceptance.
// Everything saves as typed; the protocol is exported from here, and the project closed.
import { useState } from 'react';
import { SIDES, type ProjectDetail } from '../../../../shared/domain.ts';
import { TICKET_RESULTS, type HandoverDetail } from '../../../../shared/handover/types.ts';
import { CLOSED_STATUSES } from '../../../../shared/checklist/types.ts';
import type { MethodInput } from '../../../../shared/api.ts';
import { api } from '../../api/client.ts';
import { AutoDate } from '../../components/DateField.tsx';
import { AutoSelect, AutoText, emptyToNull, SelectField } from '../../components/fields.tsx';
import { useT } from '../../i18n.ts';
import { useOpenProject } from '../../state/open-project.ts';
import { reportFailure } from '../../state/ui.ts';
import { useQuery } from '../../state/use-query.ts';
import { ClosingPanel } from '../closing/ClosingPanel.tsx';
import { ExportPanel } from '../documents/ExportPanel.tsx';
import { ProjectNav } from '../ProjectNav.tsx';

type Patch = Omit<MethodInput<'handover.update'>, 'projectId'>;
const LEVELS = [1, 2, 3] as const;

function Contacts({ detail, project, reload }: { detail: HandoverDetail; project: ProjectDetail; reload: () => Promise<void> }) {
  const t = useT();
  const [personId, setPersonId] = useState('');
  const levelOptions = LEVELS.map((l) => ({ value: String(l), label: t('handover.level', { level: l }) }));
  const write = async (call: Promise<unknown>) => {
    await call;
    await reload();
  };
  const add = () => {
    if (!personId) return;
    void reportFailure(write(api('handover.addContact', { projectId: project.project.id, personId })));
    setPersonId('');
  };
  return (
    <section className="panel" aria-labelledby="handover-contacts">
      <h2 id="handover-contacts">{t('handover.contacts')}</h2>
      <p className="muted">{t('handover.contactsHint')}</p>
      {detail.contacts.length === 0 ? (
        <p className="muted">{t('handover.noContacts')}</p>
      ) : (
        SIDES.filter((side) => detail.contacts.some((c) => c.person.side === side)).map((side) => (
          <div key={side}>
            <h3>{t(`side.${side}`)}</h3>
            <ul className="members">
              {detail.contacts
                .filter((c) => c.person.side === side)
                .map((c) => (
                  <li key={c.id} className="member">
                    <div className="member-head">
                      <a href={`#/people/${c.person.id}`}>{c.person.name}</a>
                      <span className="muted">
                        {c.person.organisation} {c.person.email} {c.person.phone}
                      </span>
                      <button
                        type="button"
                        className="link-button"
                        aria-label={t('handover.removeContact', { name: c.person.name })}
                        onClick={() => void reportFailure(write(api('handover.removeContact', { id: c.id })))}
                      >
                        ×
                      </button>
                    </div>
                    <div className="form-grid">
                      <AutoSelect
                        label={t('handover.contactLevel', { name: c.person.name })}
                        saved={String(c.level)}
                        options={levelOptions}
                        save={(level) => write(api('handover.updateContact', { id: c.id, level: Number(level) }))}
                      />
                      <AutoText
                        label={t('handover.responsibility', { name: c.person.name })}
                        saved={c.responsibility}
                        save={(responsibility) => write(api('handover.updateContact', { id: c.id, responsibility }))}
                      />
                      <AutoText label={t('handover.reach', { name: c.person.name })} saved={c.reach} save={(reach) => write(api('handover.updateContact', { id: c.id, reach }))} />
                    </div>
                  </li>
                ))}
            </ul>
          </div>
        ))
      )}
      <div className="inline-form">
        <SelectField
          label={t('handover.addWho')}
          value={personId}
          options={[{ value: '', label: t('handover.choosePerson') }, ...project.members.map((m) => ({ value: m.person.id, label: `${m.person.name} (${t(`side.${m.person.side}`)})` }))]}
          onChange={setPersonId}
        />
        <button type="button" onClick={add} disabled={!personId}>
          {t('handover.addContact')}
        </button>
      </div>
    </section>
  );
}

export function HandoverView({ projectId }: { projectId: string }) {
  const t = useT();
  const project = useOpenProject((s) => (s.detail?.project.id === projectId ? s.detail : null));
  const { data: detail, reload } = useQuery('handover.get', { projectId });
  const openItems = useQuery('requirements.list', { projectId }).data?.filter((item) => !CLOSED_STATUSES.includes(item.status));
  if (!detail || !project) return <p>{t('app.loading')}</p>;
  const { handover } = detail;
  const update = async (patch: Patch) => {
    await api('handover.update', { projectId, ...patch });
    await reload();
  };
  const resultOptions = [{ value: '', label: t('handover.ticketNotYet') }, ...TICKET_RESULTS.map((r) => ({ value: r, label: t(`handover.ticket.${r}`) }))];

  return (
    <article aria-labelledby="handover-heading">
      <p className="breadcrumb">
        <a href={`#/project/${projectId}`}>{project.project.name}</a>
      </p>
      <ProjectNav projectId={projectId} current="handover" />
      <div className="screen-title">
        <h1 id="handover-heading">{t('handover.heading')}</h1>
      </div>
      <p role="status" className={detail.missing.length > 0 ? 'muted' : ''}>
        {detail.missing.length > 0 ? t('handover.stillMissing', { parts: detail.missing.map((m) => t(`handover.missing.${m}`)).join(', ') }) : t('handover.complete')}
      </p>
      <Contacts detail={detail} project={project} reload={reload} />
      <section className="panel" aria-labelledby="handover-parts">
        <h2 id="handover-parts">{t('handover.parts')}</h2>
        <ul>
          <li>
            <a href={`#/project/${projectId}/systems`}>{t('handover.systemsLink')}</a>
          </li>
          <li>
            <a href={`#/project/${projectId}/credentials`}>{t('handover.credentialsLink')}</a>
          </li>
          <li>
            <a href={`#/project/${projectId}/checklist`}>{openItems && openItems.length === 1 ? t('handover.openItemsOne') : t('handover.openItems', { count: openItems?.length ?? 0 })}</a>
          </li>
        </ul>
        <AutoText label={t('handover.knownLimitations')} multiline saved={handover.knownLimitations} save={(knownLimitations) => update({ knownLimitations })} />
      </section>
      <section className="panel" aria-labelledby="handover-ticket">
        <h2 id="handover-ticket">{t('handover.ticketTest')}</h2>
        <p className="muted">{t('handover.ticketHint')}</p>
        <div className="form-grid">
          <AutoText label={t('handover.ticketBy')} saved={handover.ticketTestBy} save={(ticketTestBy) => update({ ticketTestBy })} />
          <AutoDate label={t('handover.ticketOn')} saved={handover.ticketTestOn ?? ''} save={(v) => update({ ticketTestOn: emptyToNull(v) })} />
          <AutoText label={t('handover.ticketNumber')} saved={handover.ticketNumber} save={(ticketNumber) => update({ ticketNumber })} />
          <AutoSelect
            label={t('handover.ticketResult')}
            saved={handover.ticketResult ?? ''}
            options={resultOptions}
            save={(v) => update({ ticketResult: v === '' ? null : (v as (typeof TICKET_RESULTS)[number]) })}
          />
        </div>
        <AutoText label={t('handover.ticketNotes')} multiline saved={handover.ticketNotes} save={(ticketNotes) => update({ ticketNotes })} />
      </section>
      <section className="panel" aria-labelledby="handover-acceptance">
        <h2 id="handover-acceptance">{t('handover.acceptance')}</h2>
        <AutoText
          label={t('handover.acceptanceStatement')}
          hint={t('handover.acceptanceHint')}
          multiline
          saved={handover.acceptanceStatement}
          save={(acceptanceStatement) => update({ acceptanceStatement })}
        />
        <div className="form-grid">
          <AutoDate label={t('handover.acceptedOn')} saved={handover.acceptedOn ?? ''} save={(v) => update({ acceptedOn: emptyToNull(v) })} />
          <AutoText label={t('handover.acceptedBy')} saved={handover.acceptedBy} save={(acceptedBy) => update({ acceptedBy })} />
        </div>
      </section>
      <ExportPanel projectId={projectId} document="handover" />
      <ClosingPanel projectId={projectId} />
    </article>
  );
}
