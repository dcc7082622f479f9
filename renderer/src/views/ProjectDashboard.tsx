// One project at a glance: where it stands across the phases, its checklist, the Go / No-Go
// gate, its details and its people. Every part saves as the user types.
import { useT } from '../i18n.ts';
import { useOpenProject } from '../state/open-project.ts';
import { ChecklistSummary } from './checklist/ChecklistSummary.tsx';
import { GateForm } from './GateForm.tsx';
import { ExportHistory } from './documents/ExportHistory.tsx';
import { StatusReportPanel } from './documents/StatusReportPanel.tsx';
import { ProjectNav } from './ProjectNav.tsx';
import { ClosingPanel } from './closing/ClosingPanel.tsx';
import { MembersPanel } from './MembersPanel.tsx';
import { PhaseChecklists } from './PhaseChecklists.tsx';
import { ProjectDetailsForm } from './ProjectDetailsForm.tsx';
import { Timeline } from './Timeline.tsx';
import { useQuery } from '../state/use-query.ts';
import { WorkshopSummary } from './workshops/WorkshopSummary.tsx';
import type { ProjectDetail } from '../../../shared/domain.ts';

/** The workshops at a glance: what is still open and what was decided, gathered from every topic. */
function WorkshopsPanel({ detail }: { detail: ProjectDetail }) {
  const t = useT();
  const overview = useQuery('workshops.overview', { projectId: detail.project.id }).data;
  return (
    <div className="workshops-panel">
      <p>
        <a className="button primary" href={`#/project/${detail.project.id}/workshops`}>
          {t('workshops.open')}
        </a>
      </p>
      {overview && <WorkshopSummary projectId={detail.project.id} overview={overview} people={detail.members} />}
    </div>
  );
}

export function ProjectDashboard({ id }: { id: string }) {
  const t = useT();
  // ProjectFrame (around every screen of a project) opens it; the screens read what it loaded.
  const { detail, missing } = useOpenProject();

  if (missing) return <p role="alert">{t('app.notFound')}</p>;
  if (!detail || detail.project.id !== id) return <p>{t('app.loading')}</p>;
  const { project, customer } = detail;

  return (
    <article className="dashboard" aria-labelledby="project-heading">
      <p className="breadcrumb">
        <a href="#/projects">{t('project.allProjects')}</a>
      </p>
      <ProjectNav projectId={project.id} current="overview" />
      <div className="screen-title">
        <h1 id="project-heading">{t('project.heading', { name: project.name, customer: customer.name })}</h1>
        <a href={`#/customers/${customer.id}`}>{t('project.customerLink', { name: customer.name })}</a>
      </div>
      <Timeline detail={detail} />
      <WorkshopsPanel detail={detail} />
      <ChecklistSummary projectId={project.id} />
      <StatusReportPanel projectId={project.id} notes={project.statusNotes} />
      <ExportHistory projectId={project.id} />
      <div className="dashboard-columns">
        <PhaseChecklists detail={detail} />
        <div className="dashboard-side">
          <GateForm project={project} />
          <ProjectDetailsForm project={project} />
          <MembersPanel detail={detail} />
          <ClosingPanel projectId={project.id} />
        </div>
      </div>
    </article>
  );
}
