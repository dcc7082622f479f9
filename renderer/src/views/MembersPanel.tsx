// The people on this project, grouped by side, with their role and responsibilities here.
import { useState } from 'react';
import { SIDES, type ProjectDetail } from '../../../shared/domain.ts';
import { api } from '../api/client.ts';
import { AutoText } from '../components/fields.tsx';
import { useT } from '../i18n.ts';
import { writeAndRefresh } from '../state/open-project.ts';
import { reportFailure } from '../state/ui.ts';
import { AddMemberDialog } from './AddMemberDialog.tsx';

export function MembersPanel({ detail }: { detail: ProjectDetail }) {
  const t = useT();
  const [adding, setAdding] = useState(false);
  const { members, project } = detail;

  return (
    <section className="panel" aria-labelledby="members-heading">
      <div className="panel-title">
        <h2 id="members-heading">{t('members.heading')}</h2>
        <button type="button" onClick={() => setAdding(true)}>
          {t('members.add')}
        </button>
      </div>
      {members.length === 0 && <p className="muted">{t('members.none')}</p>}
      {SIDES.filter((side) => members.some((m) => m.person.side === side)).map((side) => (
        <div key={side}>
          <h3>{t(`side.${side}`)}</h3>
          <ul className="members">
            {members
              .filter((m) => m.person.side === side)
              .map((m) => (
                <li key={m.id} className="member">
                  <div className="member-head">
                    <a href={`#/people/${m.person.id}`}>{m.person.name}</a>
                    <span className="muted">{m.person.organisation}</span>
                    <button
                      type="button"
                      className="link-button"
                      aria-label={t('members.remove', { name: m.person.name })}
                      onClick={() => void reportFailure(writeAndRefresh(api('members.remove', { id: m.id })))}
                    >
                      ×
                    </button>
                  </div>
                  {(m.person.email || m.person.phone) && (
                    <p className="muted">
                      {m.person.email && <a href={`mailto:${m.person.email}`}>{m.person.email}</a>} {m.person.phone}
                    </p>
                  )}
                  <div className="form-grid">
                    <AutoText
                      label={t('members.role', { name: m.person.name })}
                      saved={m.role}
                      save={(role) => writeAndRefresh(api('members.update', { id: m.id, role }))}
                    />
                    <AutoText
                      label={t('members.responsibilities', { name: m.person.name })}
                      saved={m.responsibilities}
                      save={(responsibilities) => writeAndRefresh(api('members.update', { id: m.id, responsibilities }))}
                    />
                  </div>
                </li>
              ))}
          </ul>
        </div>
      ))}
      {adding && <AddMemberDialog projectId={project.id} memberIds={members.map((m) => m.person.id)} onClose={() => setAdding(false)} />}
    </section>
  );
}
