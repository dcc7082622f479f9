// The other side of a change request's link: on a checklist item, or under a meeting's decision,
// the change requests made from it, and a way to propose one from it against an SOW.
import { useState } from 'react';
import { changeRequestNumber } from '../../../../shared/change-requests/types.ts';
import { sowNumber } from '../../../../shared/sows/types.ts';
import { api } from '../../api/client.ts';
import { useT } from '../../i18n.ts';
import { reportFailure } from '../../state/ui.ts';
import { useQuery } from '../../state/use-query.ts';

type Source = { requirementId: string; decisionId?: undefined } | { decisionId: string; requirementId?: undefined };

/** `name` tells this source from others on the same screen (decision 2 of item 1), for the controls' names. */
export function LinkedChangeRequests({ projectId, source, name }: { projectId: string; source: Source; name?: string }) {
  const t = useT();
  const linked = useQuery('changeRequests.list', { projectId, ...source });
  const sows = useQuery('sows.list', { projectId });
  const [sowId, setSowId] = useState('');
  const changeable = (sows.data ?? []).filter((s) => s.status !== 'rejected');
  const chosen = changeable.some((s) => s.id === sowId) ? sowId : (changeable[0]?.id ?? '');
  const action = name ? `${t('cr.fromItem')}: ${name}` : undefined;

  const propose = () =>
    void reportFailure(
      api('changeRequests.create', { projectId, sowId: chosen, ...source }).then((created) => {
        window.location.hash = `#/project/${projectId}/change-requests/${created.changeRequest.id}`;
      }),
    );

  if ((linked.data ?? []).length === 0 && changeable.length === 0) return null;
  return (
    <div className="linked-change-requests">
      {(linked.data ?? []).length > 0 && (
        <p className="small">
          {t('cr.linked')}:{' '}
          {linked.data!.map((c, i) => (
            <span key={c.id}>
              {i > 0 && ', '}
              <a href={`#/project/${projectId}/change-requests/${c.id}`}>{`${changeRequestNumber(c.number)}: ${c.title} (${t(`crStatus.${c.status}`)})`}</a>
            </span>
          ))}
        </p>
      )}
      {changeable.length > 0 && (
        <div className="toolbar">
          {changeable.length > 1 && (
            <select aria-label={`${t('cr.sow')} (${action ?? t('cr.fromItem')})`} value={chosen} onChange={(e) => setSowId(e.target.value)}>
              {changeable.map((s) => (
                <option key={s.id} value={s.id}>{`${sowNumber(s.number)}: ${s.title}`}</option>
              ))}
            </select>
          )}
          <button type="button" onClick={propose} aria-label={action}>
            {t('cr.fromItem')}
          </button>
        </div>
      )}
    </div>
  );
}
