// The start screen: every project with search and filters (phase, status, customer), or, on a
// first start, the welcome with "Create sample project".
import { useState } from 'react';
import { create } from 'zustand';
import { PHASES, PROJECT_STATUSES, type Phase, type ProjectListItem, type ProjectStatus } from '../../../shared/domain.ts';
import { FieldFrame, SelectField } from '../components/fields.tsx';
import { formatDate, useT } from '../i18n.ts';
import { useQuery } from '../state/use-query.ts';
import { useUi } from '../state/ui.ts';
import { EmptyState } from './EmptyState.tsx';
import { NewProjectDialog } from './NewProjectDialog.tsx';
import { ANY, phaseOptions, projectStatusOptions } from './options.ts';

interface Filters {
  search: string;
  phase: string;
  status: string;
  customerId: string;
  set: (patch: Partial<Omit<Filters, 'set'>>) => void;
}

// Kept while the user visits a project and comes back.
const useFilters = create<Filters>()((set) => ({ search: '', phase: ANY, status: ANY, customerId: ANY, set: (patch) => set(patch) }));

/** Closed projects stay in the list, under a heading of their own below the others. */
function ProjectTable({ projects, labelledBy }: { projects: readonly ProjectListItem[]; labelledBy?: string }) {
  const t = useT();
  const language = useUi((s) => s.language);
  return (
    <table className="project-table" aria-labelledby={labelledBy}>
      <thead>
        <tr>
          <th scope="col">{t('projects.colName')}</th>
          <th scope="col">{t('projects.colCustomer')}</th>
          <th scope="col">{t('projects.colPhase')}</th>
          <th scope="col">{t('projects.colStatus')}</th>
          <th scope="col">{t('projects.colProgress')}</th>
          <th scope="col">{t('projects.colGate')}</th>
          <th scope="col">{t('projects.colTarget')}</th>
        </tr>
      </thead>
      <tbody>
        {projects.map((p) => (
          <tr key={p.id}>
            <th scope="row">
              <a href={`#/project/${p.id}`}>{p.name}</a>
            </th>
            <td>{p.customerName}</td>
            <td>{t(`phase.${p.phase}`)}</td>
            <td>{t(`projectStatus.${p.status}`)}</td>
            <td>
              <progress max={p.activitiesTotal || 1} value={p.activitiesSettled} aria-label={t('projects.colProgress')} />{' '}
              {t('projects.progress', { settled: p.activitiesSettled, total: p.activitiesTotal })}
            </td>
            <td>{t(`gate.${p.gateDecision}`)}</td>
            <td>{formatDate(language, p.targetDate) ?? '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ProjectList() {
  const t = useT();
  const navigate = useUi((s) => s.navigate);
  const filters = useFilters();
  const [creating, setCreating] = useState(false);
  const filtered = filters.search !== '' || filters.phase !== ANY || filters.status !== ANY || filters.customerId !== ANY;

  const { data: projects } = useQuery('projects.list', {
    ...(filters.search ? { search: filters.search } : {}),
    ...(PHASES.includes(filters.phase as Phase) ? { phase: filters.phase as Phase } : {}),
    ...(PROJECT_STATUSES.includes(filters.status as ProjectStatus) ? { status: filters.status as ProjectStatus } : {}),
    ...(filters.customerId ? { customerId: filters.customerId } : {}),
  });
  const customers = useQuery('customers.list', { includeArchived: true }).data ?? [];

  if (!projects) return <p>{t('app.loading')}</p>;
  const current = projects.filter((p) => p.status !== 'closed');
  const closed = projects.filter((p) => p.status === 'closed');
  const dialog = creating && <NewProjectDialog onClose={() => setCreating(false)} onCreated={(id) => navigate({ view: 'project', id })} />;
  if (projects.length === 0 && !filtered) {
    return (
      <>
        <EmptyState onNewProject={() => setCreating(true)} />
        {dialog}
      </>
    );
  }

  return (
    <section aria-labelledby="projects-heading">
      <div className="screen-title">
        <h1 id="projects-heading">{t('projects.heading')}</h1>
        <button type="button" className="primary" onClick={() => setCreating(true)}>
          {t('projects.new')}
        </button>
      </div>
      <div className="filters" role="search">
        <FieldFrame label={t('projects.search')} error={null}>
          {({ id }) => <input id={id} type="search" value={filters.search} onChange={(e) => filters.set({ search: e.target.value })} />}
        </FieldFrame>
        <SelectField
          label={t('projects.filterPhase')}
          value={filters.phase}
          options={[{ value: ANY, label: t('common.all') }, ...phaseOptions(t)]}
          onChange={(phase) => filters.set({ phase })}
        />
        <SelectField
          label={t('projects.filterStatus')}
          value={filters.status}
          options={[{ value: ANY, label: t('common.all') }, ...projectStatusOptions(t)]}
          onChange={(status) => filters.set({ status })}
        />
        <SelectField
          label={t('projects.filterCustomer')}
          value={filters.customerId}
          options={[{ value: ANY, label: t('common.all') }, ...customers.map((c) => ({ value: c.id, label: c.name }))]}
          onChange={(customerId) => filters.set({ customerId })}
        />
      </div>
      <p className="muted" role="status">
        {projects.length === 1 ? t('projects.countOne') : t('projects.count', { count: projects.length })}
      </p>
      {projects.length === 0 ? (
        <p>{t('projects.noMatch')}</p>
      ) : (
        <>
          {current.length > 0 && <ProjectTable projects={current} />}
          {closed.length > 0 && (
            <>
              <h2 id="closed-projects-heading">{t('projects.closedHeading')}</h2>
              <ProjectTable projects={closed} labelledBy="closed-projects-heading" />
            </>
          )}
        </>
      )}
      {dialog}
    </section>
  );
}
