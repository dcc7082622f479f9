// The parts of a project, one link each: its overview, workshops, meetings, checklist, statements of work, change requests, tests, time, budget, the installed systems, the handover, the test accounts and the lessons learned.
import { useT } from '../i18n.ts';

export type ProjectPart = 'overview' | 'workshops' | 'meetings' | 'checklist' | 'sows' | 'changeRequests' | 'tests' | 'time' | 'budget' | 'handover' | 'credentials' | 'lessons' | 'systems';

const PARTS: { part: ProjectPart; path: string; key: 'projectNav.lessons' | 'projectNav.credentials' | 'projectNav.systems' | 'projectNav.overview' | 'projectNav.workshops' | 'projectNav.meetings' | 'projectNav.checklist' | 'projectNav.sows' | 'projectNav.changeRequests' | 'projectNav.tests' | 'projectNav.time' | 'projectNav.budget' | 'projectNav.handover' }[] = [
  { part: 'overview', path: '', key: 'projectNav.overview' },
  { part: 'workshops', path: '/workshops', key: 'projectNav.workshops' },
  { part: 'meetings', path: '/meetings', key: 'projectNav.meetings' },
  { part: 'checklist', path: '/checklist', key: 'projectNav.checklist' },
  { part: 'sows', path: '/sows', key: 'projectNav.sows' },
  { part: 'changeRequests', path: '/change-requests', key: 'projectNav.changeRequests' },
  { part: 'tests', path: '/tests', key: 'projectNav.tests' },
  { part: 'time', path: '/time', key: 'projectNav.time' },
  { part: 'budget', path: '/budget', key: 'projectNav.budget' },
  { part: 'systems', path: '/systems', key: 'projectNav.systems' },
  { part: 'credentials', path: '/credentials', key: 'projectNav.credentials' },
  { part: 'handover', path: '/handover', key: 'projectNav.handover' },
  { part: 'lessons', path: '/lessons', key: 'projectNav.lessons' },
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
