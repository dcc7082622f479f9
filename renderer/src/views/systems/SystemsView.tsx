// The installed systems of a project (Implementation phase): its environments from test to
// production, each with its hosts edited in place, filled from the workshops and the sizing or a
// pasted host list, and the architecture drawn from what is installed; the technical documentation
// is exported from here.
import { useState } from 'react';
import type { MethodInput } from '../../../../shared/api.ts';
import { inventoryDiagram } from '../../../../shared/systems/diagram.ts';
import { ENVIRONMENT_KINDS, type EnvironmentDetail, type EnvironmentKind, type PrefillResult } from '../../../../shared/systems/types.ts';
import { api } from '../../api/client.ts';
import { AutoSelect, AutoText, SelectField, TextField } from '../../components/fields.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { useT } from '../../i18n.ts';
import { useOpenProject } from '../../state/open-project.ts';
import { trackSave } from '../../state/saving.ts';
import { reportFailure, useUi } from '../../state/ui.ts';
import { useQuery } from '../../state/use-query.ts';
import { ExportPanel } from '../documents/ExportPanel.tsx';
import { ProjectNav } from '../ProjectNav.tsx';
import { DiagramView } from './DiagramView.tsx';
import { HostListDialog } from './HostListDialog.tsx';
import { HostRows } from './HostRows.tsx';

interface PanelProps {
  projectId: string;
  environment: EnvironmentDetail;
  topicTitle: (key: string) => string;
  reload: () => Promise<void>;
}

function EnvironmentPanel({ projectId, environment, topicTitle, reload }: PanelProps) {
  const t = useT();
  const language = useUi((s) => s.language);
  const [added, setAdded] = useState<PrefillResult['added'] | null>(null);
  const [importing, setImporting] = useState(false);
  const { busy, run } = useSubmit();
  const name = environment.name.trim() || t(`systems.kind.${environment.kind}`);
  const headingId = `environment-${environment.id}`;
  const kindOptions = ENVIRONMENT_KINDS.map((k) => ({ value: k, label: t(`systems.kind.${k}`) }));
  const update = async (patch: Omit<MethodInput<'systems.updateEnvironment'>, 'id'>) => {
    await api('systems.updateEnvironment', { id: environment.id, ...patch });
    await reload();
  };
  const prefill = () =>
    void run(async () => {
      const result = await trackSave(api('systems.prefill', { projectId, environmentId: environment.id }));
      setAdded(result.added);
      await reload();
    });
  const remove = () => {
    if (!window.confirm(t('systems.removeEnvironmentConfirm', { name, count: environment.hosts.length }))) return;
    void reportFailure(api('systems.removeEnvironment', { id: environment.id }).then(reload));
  };
  const from = (source: string) => (source === 'sizing' ? t('systems.fromSizing') : t('systems.fromTopic', { topic: topicTitle(source) }));

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{name}</h2>
      <div className="form-grid">
        <AutoSelect label={t('systems.environmentKind')} saved={environment.kind} options={kindOptions} save={(kind) => update({ kind: kind as EnvironmentKind })} />
        <AutoText label={t('systems.environmentName')} saved={environment.name} save={(value) => update({ name: value })} />
      </div>
      <AutoText label={t('systems.environmentNotes')} multiline saved={environment.notes} save={(notes) => update({ notes })} />
      <p className="button-row">
        <button type="button" onClick={prefill} disabled={busy}>
          {t('systems.prefill')}
        </button>
        <button type="button" onClick={() => setImporting(true)}>
          {t('systems.import')}
        </button>
        <button type="button" onClick={remove}>
          {t('systems.removeEnvironment')}
        </button>
      </p>
      {added && (
        <div role="status">
          {added.length === 0 ? (
            <p>{t('systems.prefillNothing')}</p>
          ) : (
            <>
              <p>{t('systems.prefillAdded', { count: added.length })}</p>
              <ul>
                {added.map((h) => (
                  <li key={h.name}>
                    {h.name} ({t(`systems.role.${h.role}`)}), {from(h.source)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <h3>{t('systems.hosts')}</h3>
      <HostRows environment={environment} topicTitle={topicTitle} reload={reload} />
      {environment.hosts.length > 0 && (
        <>
          <h3>{t('systems.diagram')}</h3>
          <DiagramView diagram={inventoryDiagram(environment, language)} />
        </>
      )}
      {importing && <HostListDialog environmentId={environment.id} environmentName={name} onClose={() => setImporting(false)} onImported={reload} />}
    </section>
  );
}

export function SystemsView({ projectId }: { projectId: string }) {
  const t = useT();
  const language = useUi((s) => s.language);
  const project = useOpenProject((s) => (s.detail?.project.id === projectId ? s.detail : null));
  const { data: inventory, reload } = useQuery('systems.get', { projectId });
  const topics = useQuery('workshops.overview', { projectId }).data?.topics;
  const [kind, setKind] = useState<EnvironmentKind>('production');
  const [name, setName] = useState('');
  if (!inventory || !project) return <p>{t('app.loading')}</p>;
  const topicTitle = (key: string) => topics?.find((x) => x.key === key)?.title[language] ?? key;
  const add = async () => {
    await api('systems.addEnvironment', { projectId, kind, name: name.trim() });
    setName('');
    await reload();
  };

  return (
    <article aria-labelledby="systems-heading">
      <p className="breadcrumb">
        <a href={`#/project/${projectId}`}>{project.project.name}</a>
      </p>
      <ProjectNav projectId={projectId} current="systems" />
      <div className="screen-title">
        <h1 id="systems-heading">{t('systems.title')}</h1>
      </div>
      <p className="muted">{t('systems.intro')}</p>
      {inventory.environments.length === 0 && <p>{t('systems.noEnvironments')}</p>}
      {inventory.environments.map((e) => (
        <EnvironmentPanel key={e.id} projectId={projectId} environment={e} topicTitle={topicTitle} reload={reload} />
      ))}
      <section className="panel" aria-labelledby="systems-add-environment">
        <h2 id="systems-add-environment">{t('systems.addEnvironment')}</h2>
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void reportFailure(add());
          }}
        >
          <SelectField label={t('systems.environmentKind')} value={kind} options={ENVIRONMENT_KINDS.map((k) => ({ value: k, label: t(`systems.kind.${k}`) }))} onChange={(v) => setKind(v as EnvironmentKind)} />
          <TextField label={t('systems.environmentName')} value={name} onChange={setName} />
          <button type="submit">{t('systems.addEnvironment')}</button>
        </form>
      </section>
      <ExportPanel projectId={projectId} document="systems" />
    </article>
  );
}
