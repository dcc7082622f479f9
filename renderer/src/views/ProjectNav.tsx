// The parts of a project, one link each: its overview, workshops, meetings and checklist.
import { useT } from '../i18n.ts';

export type ProjectPart = 'overview' | 'workshops' | 'meetings' | 'checklist';

const PARTS: { part: ProjectPart; path: string; key: 'projectNav.overview' | 'projectNav.workshops' | 'projectNav.meetings' | 'projectNav.checklist' }[] = [
  { part: 'overview', path: '', key: 'projectNav.overview' },
  { part: 'workshops', path: '/workshops', key: 'projectNav.workshops' },
  { part: 'meetings', path: '/meetings', key: 'projectNav.meetings' },
  { part: 'checklist', path: '/checklist', key: 'projectNav.checklist' },
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
