// First start: what Fieldbook is, and two ways in: a realistic sample, or one's own project.
import { api } from '../api/client.ts';
import { useT } from '../i18n.ts';
import { useSubmit } from '../components/use-submit.ts';
import { useUi } from '../state/ui.ts';

export function EmptyState({ onNewProject }: { onNewProject: () => void }) {
  const t = useT();
  const { language, navigate } = useUi();
  const { busy, run } = useSubmit();

  const createSample = () =>
    run(async () => {
      const detail = await api('projects.createSample', { language });
      navigate({ view: 'project', id: detail.project.id });
    });

  return (
    <section className="empty-state" aria-labelledby="empty-heading">
      <h1 id="empty-heading">{t('empty.title')}</h1>
      <p>{t('empty.body')}</p>
      <p>{t('empty.sampleHint')}</p>
      <div className="actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void createSample()}>
          {t('empty.sample')}
        </button>
        <button type="button" onClick={onNewProject}>
          {t('empty.newProject')}
        </button>
      </div>
    </section>
  );
}
