// A project's change requests: the list (CR-001, ... with status, days and amount), a way to
// propose one against an SOW, and the chosen one in the editor.
import { useState } from 'react';
import { changeRequestNumber } from '../../../../shared/change-requests/types.ts';
import { formatDays, formatMoney } from '../../../../shared/money.ts';
import { sowNumber } from '../../../../shared/sows/types.ts';
import { api } from '../../api/client.ts';
import { AddItemForm } from '../../components/AddItemForm.tsx';
import { errorFor, SelectField, TextField } from '../../components/fields.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { useT } from '../../i18n.ts';
import { useOpenProject } from '../../state/open-project.ts';
import { useUi } from '../../state/ui.ts';
import { useQuery } from '../../state/use-query.ts';
import { ProjectNav } from '../ProjectNav.tsx';
import { ChangeRequestEditor } from './ChangeRequestEditor.tsx';

interface Props {
  projectId: string;
  changeRequestId: string | null;
}

export function ChangeRequestsView({ projectId, changeRequestId }: Props) {
  const t = useT();
  const language = useUi((s) => s.language);
  const { detail } = useOpenProject();
  const list = useQuery('changeRequests.list', { projectId });
  const sows = useQuery('sows.list', { projectId });
  const [sowId, setSowId] = useState('');
  const [title, setTitle] = useState('');
  const { busy, error, run } = useSubmit();

  if (!detail || detail.project.id !== projectId) return <p>{t('app.loading')}</p>;
  const changeable = (sows.data ?? []).filter((s) => s.status !== 'rejected');
  const chosen = changeable.some((s) => s.id === sowId) ? sowId : (changeable[0]?.id ?? '');

  const create = () =>
    void run(async () => {
      const created = await api('changeRequests.create', { projectId, sowId: chosen, title });
      setTitle('');
      await list.reload();
      window.location.hash = `#/project/${projectId}/change-requests/${created.changeRequest.id}`;
    });

  return (
    <section className="change-requests" aria-labelledby="cr-list-heading">
      <ProjectNav projectId={projectId} current="changeRequests" />
      <h1 id="cr-list-heading">{`${t('cr.heading')}: ${detail.project.name}`}</h1>
      <div className="master-detail">
        <div className="master">
          {changeable.length === 0 ? (
            <p className="muted">{t('cr.noSow')}</p>
          ) : (
            <AddItemForm onAdd={create}>
              <SelectField label={t('cr.sow')} value={chosen} options={changeable.map((s) => ({ value: s.id, label: `${sowNumber(s.number)}: ${s.title}` }))} onChange={setSowId} error={errorFor(t, error, 'sowId')} />
              <TextField label={t('cr.title')} value={title} onChange={setTitle} error={errorFor(t, error, 'title')} />
              <button type="submit" className="primary" disabled={busy}>
                {t('cr.new')}
              </button>
            </AddItemForm>
          )}
          <nav aria-label={t('cr.heading')}>
            {list.data?.length === 0 && <p className="muted">{t('cr.none')}</p>}
            <ul className="entry-list">
              {(list.data ?? []).map((c) => (
                <li key={c.id}>
                  <a href={`#/project/${projectId}/change-requests/${c.id}`} aria-current={c.id === changeRequestId ? 'page' : undefined}>
                    <span>{`${changeRequestNumber(c.number)}: ${c.title}`}</span>
                    <span className="muted small">
                      {t(`crStatus.${c.status}`)} · {formatDays(c.dayHundredths, language)} {t('budget.chart.days')} · {formatMoney(c.totalMinor, c.currency, language)}
                    </span>
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </div>
        <div className="detail">{changeRequestId ? <ChangeRequestEditor key={changeRequestId} projectId={projectId} id={changeRequestId} onChanged={() => void list.reload()} /> : null}</div>
      </div>
    </section>
  );
}
