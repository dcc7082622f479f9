// The statements of work of a project: the list (SOW-01, SOW-02, ... with their latest version,
// status and total), a way to start one from a template of the pack and the agreed workshops,
// and the chosen version in the editor.
import { useState } from 'react';
import { formatMoney } from '../../../../shared/money.ts';
import { sowNumber } from '../../../../shared/sows/types.ts';
import { api } from '../../api/client.ts';
import { SelectField } from '../../components/fields.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { useT } from '../../i18n.ts';
import { useOpenProject } from '../../state/open-project.ts';
import { useUi } from '../../state/ui.ts';
import { useQuery } from '../../state/use-query.ts';
import { ProjectNav } from '../ProjectNav.tsx';
import { SowEditor } from './SowEditor.tsx';

interface Props {
  projectId: string;
  sowId: string | null;
}

const BLANK = '';

export function SowsView({ projectId, sowId }: Props) {
  const t = useT();
  const language = useUi((s) => s.language);
  const { detail } = useOpenProject();
  const sows = useQuery('sows.list', { projectId });
  const templates = useQuery('sows.templates', { projectId, language });
  const [templateKey, setTemplateKey] = useState<string | null>(null);
  const [fromWorkshops, setFromWorkshops] = useState(true);
  const { busy, run } = useSubmit();

  if (!detail || detail.project.id !== projectId) return <p>{t('app.loading')}</p>;
  // The pack's first template unless the consultant chose otherwise.
  const chosen = templateKey ?? templates.data?.[0]?.key ?? BLANK;

  const create = () =>
    void run(async () => {
      const created = await api('sows.create', { projectId, language, fromWorkshops, ...(chosen === BLANK ? {} : { templateKey: chosen }) });
      await sows.reload();
      window.location.hash = `#/project/${projectId}/sows/${created.sow.id}`;
    });

  return (
    <section className="sows" aria-labelledby="sows-heading">
      <ProjectNav projectId={projectId} current="sows" />
      <h1 id="sows-heading">{t('sows.heading', { project: detail.project.name })}</h1>
      <div className="master-detail">
        <div className="master">
          <div className="add-item">
            <SelectField
              label={t('sows.template')}
              value={chosen}
              options={[...(templates.data ?? []).map((x) => ({ value: x.key, label: x.title })), { value: BLANK, label: t('sows.blank') }]}
              onChange={setTemplateKey}
            />
            <label className="checkbox">
              <input type="checkbox" checked={fromWorkshops} onChange={(e) => setFromWorkshops(e.target.checked)} />
              {t('sows.fromWorkshops')}
            </label>
            <button type="button" className="primary" onClick={create} disabled={busy}>
              {t('sows.new')}
            </button>
          </div>
          <nav aria-label={t('sows.list')}>
            {sows.data?.length === 0 && <p className="muted">{t('sows.none')}</p>}
            <ul className="entry-list">
              {(sows.data ?? []).map((s) => {
                const current = s.versions.some((v) => v.id === sowId);
                return (
                  <li key={s.id}>
                    <a href={`#/project/${projectId}/sows/${s.id}`} aria-current={current ? 'page' : undefined}>
                      <span>{`${sowNumber(s.number)}: ${s.title}`}</span>
                      <span className="muted small">
                        {t('sow.versionStatus', { version: s.version, status: t(`sowStatus.${s.status}`) })} · {formatMoney(s.totalMinor, s.currency, language)}
                      </span>
                    </a>
                  </li>
                );
              })}
            </ul>
          </nav>
        </div>
        <div className="detail">{sowId ? <SowEditor key={sowId} projectId={projectId} sowId={sowId} onChanged={() => void sows.reload()} /> : <p className="muted">{t('sows.choose')}</p>}</div>
      </div>
    </section>
  );
}
