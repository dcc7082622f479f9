// Documents about one thing of a project (the minutes of a meeting, one SOW, one change request)
// name it beside their title. In the shared folder each subject gets a folder of its own, so that
// versions count per subject and two SOWs' files never meet.
import { eq } from 'drizzle-orm';
import { changeRequestNumber } from '../../../shared/change-requests/types.ts';
import type { DocumentKind } from '../../../shared/documents/types.ts';
import { translate, type Language } from '../../../shared/i18n/index.ts';
import { sowNumber } from '../../../shared/sows/types.ts';
import { loadRunName } from '../api/tests.ts';
import { loadChangeRequest } from '../api/change-requests.ts';
import type { Context } from '../api/context.ts';
import { loadSow } from '../api/sows.ts';
import * as t from '../db/tables/index.ts';

/** "2026-11-30 Weekly status call", "SOW-01 Implementation", "CR-003 Second mail relay"; null for a document of the whole project. */
export function subjectLabel(ctx: Context, document: DocumentKind, subjectId: string | null, language: Language): string | null {
  if (subjectId === null) return null;
  const label = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' ');
  switch (document) {
    case 'minutes':
    case 'training': {
      const meeting = ctx.store.orm.select({ title: t.meeting.title, kind: t.meeting.kind, startsAt: t.meeting.startsAt }).from(t.meeting).where(eq(t.meeting.id, subjectId)).get();
      return meeting ? label(meeting.startsAt?.slice(0, 10), meeting.title.trim() || translate(language, `meetingKind.${meeting.kind}`)) : null;
    }
    case 'sow': {
      const sow = loadSow(ctx, subjectId, 'sowId');
      return label(sowNumber(sow.number), sow.title.trim());
    }
    case 'change-request': {
      const request = loadChangeRequest(ctx, subjectId, 'changeRequestId');
      return label(changeRequestNumber(request.number), request.title.trim());
    }
    case 'test-protocol':
      return loadRunName(ctx, subjectId);
    case 'checklist':
    case 'concept':
    case 'lessons':
    case 'status':
    case 'time-report':
    case 'handover':
    case 'systems':
      return null;
  }
}
