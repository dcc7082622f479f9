// The parts of a project, one link each: its overview, workshops, meetings, checklist, statements of work, change requests, tests, time and budget.
import { useT } from '../i18n.ts';

export type ProjectPart = 'overview' | 'workshops' | 'meetings' | 'checklist' | 'sows' | 'changeRequests' | 'tests' | 'time' | 'budget';

const PARTS: { part: ProjectPart; path: string; key: 'projectNav.overview' | 'projectNav.workshops' | 'projectNav.meetings' | 'projectNav.checklist' | 'projectNav.sows' | 'projectNav.changeRequests' | 'projectNav.tests' | 'projectNav.time' | 'projectNav.budget' }[] = [
  { part: 'overview', path: '', key: 'projectNav.overview' },
  { part: 'workshops', path: '/workshops', key: 'projectNav.workshops' },
  { part: 'meetings', path: '/meetings', key: 'projectNav.meetings' },
  { part: 'checklist', path: '/checklist', key: 'projectNav.checklist' },
  { part: 'sows', path: '/sows', key: 'projectNav.sows' },
  { part: 'changeRequests', path: '/change-requests', key: 'projectNav.changeRequests' },
  { part: 'tests', path: '/tests', key: 'projectNav.tests' },
  { part: 'time', path: '/time', key: 'projectNav.time' },
  { part: 'budget', path: '/budget', key: 'projectNav.budget' },
];

export function ProjectNav({ projectId, current }: { projectId: string; current: ProjectPart }) {
  const t = useT();
  return (
    <nav className="project-nav" aria-label={t('projectNav.label')}>
      <ul>
        {PARTS.map(({ part, path, key }) => (
          <li key={part}>
            <a href={`#/project/${projectId}${path}`} aria-current={part === current ? 'page' : undefined}>
              {t(key)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
