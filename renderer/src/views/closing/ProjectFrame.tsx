// Every screen of a project sits in this frame. A closed project is read-only: its screens show in
// a disabled fieldset (every field and button of the page at once, whoever adds the next one),
// under a banner that says since when and by whom, with "Reopen"; what only reads it, the export
// panels, moves out of the fieldset into the banner's slot (see ReadingSlot).
import { createContext, useEffect, useState, type ReactNode } from 'react';
import { showDate } from '../../../../shared/iso-date.ts';
import { useT } from '../../i18n.ts';
import { useOpenProject, writeAndRefresh } from '../../state/open-project.ts';
import { reportFailure, useUi } from '../../state/ui.ts';
import { api } from '../../api/client.ts';
import { useSubmit } from '../../components/use-submit.ts';

/** Where a panel that only reads the project (an export) renders while the project is closed; null while it is open. */
export const ReadingSlot = createContext<HTMLElement | null>(null);

export function ProjectFrame({ projectId, children }: { projectId: string; children: ReactNode }) {
  const t = useT();
  const language = useUi((s) => s.language);
  const { detail, open } = useOpenProject();
  const [slot, setSlot] = useState<HTMLElement | null>(null);
  const { busy, run } = useSubmit();

  // The one place a project's screens have it opened (and refreshed after each write, see open-project.ts).
  useEffect(() => {
    void reportFailure(open(projectId));
  }, [projectId, open]);

  const project = detail?.project.id === projectId ? detail.project : null;
  const closed = project?.closed ?? null;
  const reopen = () =>
    void run(async () => {
      await writeAndRefresh(api('projects.reopen', { id: projectId }));
    });

  // One shape whether open or closed, so closing or reopening never mounts the screen anew.
  return (
    <>
      {closed && (
        <>
          <div className="banner banner-note closed-banner" role="status">
            <span>
              {closed.on ? t('closing.closedOn', { date: showDate(closed.on, language), by: closed.by || t('closing.someone') }) : t('closing.closed')} {t('closing.readOnly')}
            </span>
            <button type="button" onClick={reopen} disabled={busy}>
              {t('closing.reopen')}
            </button>
          </div>
          <div ref={setSlot} className="closed-reading" />
        </>
      )}
      <ReadingSlot.Provider value={closed ? slot : null}>
        {/* Open, the fieldset is no group to assistive technology, only a frame. */}
        <fieldset disabled={closed !== null} className="closed-project" role={closed ? undefined : 'none'}>
          {closed && project && <legend className="visually-hidden">{t('closing.readOnlyLegend', { name: project.name })}</legend>}
          {children}
        </fieldset>
      </ReadingSlot.Provider>
    </>
  );
}
