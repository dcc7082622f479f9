// Beside a checklist item that is a retrospective's action: where it came from, a link back to the
// lessons learned of the project whose retrospective put it there.
import { useT } from '../../i18n.ts';
import { useQuery } from '../../state/use-query.ts';

export function ActionOrigin({ requirementId }: { requirementId: string }) {
  const t = useT();
  const origin = useQuery('lessons.actionOrigin', { requirementId }).data?.origin;
  if (!origin) return null;
  return (
    <p className="muted">
      <a href={`#/project/${origin.projectId}/lessons`}>{t('requirements.fromRetrospective', { project: origin.projectName })}</a>
    </p>
  );
}
