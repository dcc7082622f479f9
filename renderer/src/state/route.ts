// Where the user is, kept in the URL hash (#/project/<id>) so that a reload stays on the same screen.

export type Route =
  | { view: 'projects' }
  | { view: 'project'; id: string }
  | { view: 'workshops'; projectId: string; topicKey: string | null }
  | { view: 'meetings'; projectId: string; meetingId: string | null; statusCall: boolean }
  | { view: 'checklist'; projectId: string; itemId: string | null }
  | { view: 'sows'; projectId: string; sowId: string | null }
  | { view: 'changeRequests'; projectId: string; changeRequestId: string | null }
  | { view: 'tests'; projectId: string; runId: string | null }
  | { view: 'time'; projectId: string }
  | { view: 'budget'; projectId: string }
  | { view: 'credentials'; projectId: string }
  | { view: 'handover'; projectId: string }
  | { view: 'lessons'; projectId: string }
  | { view: 'systems'; projectId: string }
  | { view: 'customers'; id: string | null }
  | { view: 'people'; id: string | null }
  | { view: 'branding' }
  | { view: 'profile' }
  | { view: 'sync' };

export function parseRoute(hash: string): Route {
  const [view, id, sub, topicKey, mode] = hash.replace(/^#\/?/, '').split('/');
  if (view === 'project' && id && sub === 'workshops') return { view: 'workshops', projectId: id, topicKey: topicKey || null };
  if (view === 'project' && id && sub === 'meetings') return { view: 'meetings', projectId: id, meetingId: topicKey || null, statusCall: mode === 'status-call' };
  if (view === 'project' && id && sub === 'checklist') return { view: 'checklist', projectId: id, itemId: topicKey || null };
  if (view === 'project' && id && sub === 'sows') return { view: 'sows', projectId: id, sowId: topicKey || null };
  if (view === 'project' && id && sub === 'change-requests') return { view: 'changeRequests', projectId: id, changeRequestId: topicKey || null };
  if (view === 'project' && id && sub === 'tests') return { view: 'tests', projectId: id, runId: topicKey || null };
  if (view === 'project' && id && sub === 'time') return { view: 'time', projectId: id };
  if (view === 'project' && id && sub === 'budget') return { view: 'budget', projectId: id };
  if (view === 'project' && id && sub === 'credentials') return { view: 'credentials', projectId: id };
  if (view === 'project' && id && sub === 'handover') return { view: 'handover', projectId: id };
  if (view === 'project' && id && sub === 'lessons') return { view: 'lessons', projectId: id };
  if (view === 'project' && id && sub === 'systems') return { view: 'systems', projectId: id };
  if (view === 'project' && id) return { view: 'project', id };
  if (view === 'customers') return { view: 'customers', id: id || null };
  if (view === 'people') return { view: 'people', id: id || null };
  if (view === 'branding') return { view: 'branding' };
  if (view === 'profile') return { view: 'profile' };
  if (view === 'sync') return { view: 'sync' };
  return { view: 'projects' };
}

export function routeHash(route: Route): string {
  switch (route.view) {
    case 'projects':
      return '#/projects';
    case 'branding':
      return '#/branding';
    case 'profile':
      return '#/profile';
    case 'sync':
      return '#/sync';
    case 'project':
      return `#/project/${route.id}`;
    case 'workshops':
      return `#/project/${route.projectId}/workshops${route.topicKey ? `/${route.topicKey}` : ''}`;
    case 'meetings':
      return `#/project/${route.projectId}/meetings${route.meetingId ? `/${route.meetingId}${route.statusCall ? '/status-call' : ''}` : ''}`;
    case 'checklist':
      return `#/project/${route.projectId}/checklist${route.itemId ? `/${route.itemId}` : ''}`;
    case 'sows':
      return `#/project/${route.projectId}/sows${route.sowId ? `/${route.sowId}` : ''}`;
    case 'tests':
      return `#/project/${route.projectId}/tests${route.runId ? `/${route.runId}` : ''}`;
    case 'changeRequests':
      return `#/project/${route.projectId}/change-requests${route.changeRequestId ? `/${route.changeRequestId}` : ''}`;
    case 'time':
      return `#/project/${route.projectId}/time`;
    case 'budget':
      return `#/project/${route.projectId}/budget`;
    case 'credentials':
      return `#/project/${route.projectId}/credentials`;
    case 'handover':
      return `#/project/${route.projectId}/handover`;
    case 'lessons':
      return `#/project/${route.projectId}/lessons`;
    case 'systems':
      return `#/project/${route.projectId}/systems`;
    default:
      return `#/${route.view}${route.id ? `/${route.id}` : ''}`;
  }
}
