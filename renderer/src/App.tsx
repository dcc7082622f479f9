// The window: header with navigation, language and save status; the notice line; one screen.
import { useEffect } from 'react';
import { LANGUAGE_NAMES, LANGUAGES, isLanguage } from '../../shared/i18n/index.ts';
import { DatabaseBanner } from './components/DatabaseBanner.tsx';
import { FieldFrame } from './components/fields.tsx';
import { SaveStatus } from './components/SaveStatus.tsx';
import { SyncIndicator } from './components/SyncIndicator.tsx';
import { useT } from './i18n.ts';
import { useAutoSync } from './state/sync.ts';
import { useQuery } from './state/use-query.ts';
import { useUi, type Route } from './state/ui.ts';
import { CustomersView } from './views/CustomersView.tsx';
import { PeopleView } from './views/PeopleView.tsx';
import { ProfilePrompt, ProfileView } from './views/ProfileView.tsx';
import { ProjectDashboard } from './views/ProjectDashboard.tsx';
import { ProjectList } from './views/ProjectList.tsx';
import { CredentialsPanel } from './views/credentials/CredentialsPanel.tsx';
import { HandoverView } from './views/handover/HandoverView.tsx';
import { LessonsView } from './views/lessons/LessonsView.tsx';
import { SystemsView } from './views/systems/SystemsView.tsx';
import { ProjectFrame } from './views/closing/ProjectFrame.tsx';
import { SyncView } from './views/SyncView.tsx';
import { ChecklistView } from './views/checklist/ChecklistView.tsx';
import { BrandingView } from './views/documents/BrandingView.tsx';
import { MeetingsView } from './views/meetings/MeetingsView.tsx';
import { SowsView } from './views/sows/SowsView.tsx';
import { TestsView } from './views/tests/TestsView.tsx';
import { ChangeRequestsView } from './views/change-requests/ChangeRequestsView.tsx';
import { BudgetView } from './views/time/BudgetView.tsx';
import { TimeView } from './views/time/TimeView.tsx';
import { WorkshopsView } from './views/workshops/WorkshopsView.tsx';

const NAV: { view: Route['view']; key: 'nav.projects' | 'nav.customers' | 'nav.people' | 'nav.branding' | 'nav.profile' | 'nav.sync'; href: string }[] = [
  { view: 'projects', key: 'nav.projects', href: '#/projects' },
  { view: 'customers', key: 'nav.customers', href: '#/customers' },
  { view: 'people', key: 'nav.people', href: '#/people' },
  { view: 'branding', key: 'nav.branding', href: '#/branding' },
  { view: 'profile', key: 'nav.profile', href: '#/profile' },
  { view: 'sync', key: 'nav.sync', href: '#/sync' },
];

/** The project a screen belongs to: its screens share the frame that makes a closed project read-only. */
function projectOf(route: Route): string | null {
  if ('projectId' in route) return route.projectId;
  return route.view === 'project' ? route.id : null;
}

function Screen({ route }: { route: Route }) {
  switch (route.view) {
    case 'projects':
      return <ProjectList />;
    case 'project':
      return <ProjectDashboard id={route.id} />;
    case 'workshops':
      return <WorkshopsView projectId={route.projectId} topicKey={route.topicKey} />;
    case 'meetings':
      return <MeetingsView projectId={route.projectId} meetingId={route.meetingId} statusCall={route.statusCall} />;
    case 'checklist':
      return <ChecklistView projectId={route.projectId} itemId={route.itemId} />;
    case 'sows':
      return <SowsView projectId={route.projectId} sowId={route.sowId} />;
    case 'changeRequests':
      return <ChangeRequestsView projectId={route.projectId} changeRequestId={route.changeRequestId} />;
    case 'tests':
      return <TestsView projectId={route.projectId} runId={route.runId} />;
    case 'time':
      return <TimeView projectId={route.projectId} />;
    case 'budget':
      return <BudgetView projectId={route.projectId} />;
    case 'credentials':
      return <CredentialsPanel projectId={route.projectId} />;
    case 'handover':
      return <HandoverView projectId={route.projectId} />;
    case 'lessons':
      return <LessonsView projectId={route.projectId} />;
    case 'systems':
      return <SystemsView projectId={route.projectId} />;
    case 'customers':
      return <CustomersView selectedId={route.id} />;
    case 'people':
      return <PeopleView selectedId={route.id} />;
    case 'branding':
      return <BrandingView />;
    case 'profile':
      return <ProfileView />;
    case 'sync':
      return <SyncView />;
  }
}

export function App() {
  const t = useT();
  const { language, setLanguage, route, notice, dismissNotice } = useUi();
  const { data: info, reload: reloadInfo } = useQuery('app.info', {});
  useAutoSync(info !== null && !info.checking);
  const projectId = projectOf(route);
  const activeView = ['project', 'workshops', 'meetings', 'checklist', 'sows', 'changeRequests', 'tests', 'time', 'budget', 'handover', 'credentials', 'lessons', 'systems'].includes(route.view) ? 'projects' : route.view;

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  // While the database is being checked, asked again until the check is done: a damaged database
  // then shows its banner without a reload.
  useEffect(() => {
    if (!info?.checking) return;
    const timer = setTimeout(() => void reloadInfo(), 1000);
    return () => clearTimeout(timer);
  }, [info, reloadInfo]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <span className="app-name">{t('app.name')}</span>
        <nav aria-label={t('nav.label')}>
          <ul>
            {NAV.map((item) => (
              <li key={item.view}>
                <a href={item.href} aria-current={activeView === item.view ? 'page' : undefined}>
                  {t(item.key)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <SaveStatus />
        <SyncIndicator />
        <FieldFrame label={t('language.label')} error={null} compact>
          {({ id }) => (
            <select id={id} value={language} onChange={(e) => isLanguage(e.target.value) && setLanguage(e.target.value)}>
              {LANGUAGES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {LANGUAGE_NAMES[l]}
                </option>
              ))}
            </select>
          )}
        </FieldFrame>
      </header>
      {info && <DatabaseBanner info={info} />}
      {notice && (
        <div className="banner banner-error" role="alert">
          <span>{t('app.error', { message: notice })}</span>
          <button type="button" onClick={dismissNotice}>
            {t('app.dismiss')}
          </button>
        </div>
      )}
      <main id="main" tabIndex={-1}>
        {route.view === 'projects' && <ProfilePrompt />}
        {projectId ? (
          <ProjectFrame projectId={projectId}>
            <Screen route={route} />
          </ProjectFrame>
        ) : (
          <Screen route={route} />
        )}
      </main>
    </>
  );
}
