// Status-call mode: the weekly call goes through the overdue and open checklist items one by
// one. Keys (outside text fields): ↓/J next, ↑/K previous, 1–5 status (open, in progress, done,
// blocked, not needed), + / − due date a week later or earlier, Enter "gone through, no change"
// and next, N a new item. Every change is written with the meeting, so the call's minutes list
// what it reviewed, changed and added.
import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ProjectMember } from '../../../../shared/domain.ts';
import { formatNumber, REQUIREMENT_STATUSES, type Requirement } from '../../../../shared/checklist/types.ts';
import { isOverdue, statusCallOrder } from '../../../../shared/checklist/view.ts';
import { localIsoDate } from '../../../../shared/iso-date.ts';
import { api } from '../../api/client.ts';
import { AutoDate } from '../../components/DateField.tsx';
import { AutoSelect, emptyToNull, errorFor, TextField } from '../../components/fields.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { useT } from '../../i18n.ts';
import { saveItem, useOpenChecklist } from '../../state/open-checklist.ts';
import { trackSave } from '../../state/saving.ts';
import { reportFailure } from '../../state/ui.ts';
import { useQuery } from '../../state/use-query.ts';
import { useItemText } from '../checklist/item-text.ts';
import { ReviewSummary } from './ReviewSummary.tsx';

interface Props {
  projectId: string;
  meetingId: string;
  people: readonly ProjectMember[];
}

function shiftDate(date: string | null, days: number, today: string): string {
  const from = new Date(`${date ?? today}T00:00:00Z`);
  return new Date(from.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

export function StatusCall({ projectId, meetingId, people }: Props) {
  const t = useT();
  const { value } = useItemText();
  const { items, open } = useOpenChecklist();
  const meeting = useQuery('meetings.get', { id: meetingId });
  const today = localIsoDate(new Date());
  // The order is fixed when the call starts (and when items are added), so that an item marked
  // done does not jump away under the cursor.
  const [order, setOrder] = useState<string[] | null>(null);
  const [index, setIndex] = useState(0);
  const [newTitle, setNewTitle] = useState('');
  const { busy, error, run } = useSubmit();
  const card = useRef<HTMLElement | null>(null);
  // The card takes the keys as soon as it appears: the consultant is talking, not reaching for the mouse.
  const focusedOnce = useRef(false);
  const cardRef = (element: HTMLElement | null) => {
    card.current = element;
    if (element && !focusedOnce.current) {
      focusedOnce.current = true;
      element.focus();
    }
  };

  useEffect(() => {
    void reportFailure(open(projectId));
  }, [projectId, open]);
  useEffect(() => {
    if (items && order === null) setOrder(statusCallOrder(items, today).map((r) => r.id));
  }, [items, order, today]);

  const byId = useMemo(() => new Map((items ?? []).map((r) => [r.id, r])), [items]);
  if (!items || !order || !meeting.data) return <p>{t('app.loading')}</p>;
  const list = order.map((id) => byId.get(id)).filter((r): r is Requirement => r !== undefined);
  const current = list[Math.min(index, list.length - 1)];
  const reviewed = new Set(meeting.data.review.map((r) => r.requirementId));

  const change = (item: Requirement, patch: Omit<Parameters<typeof api<'requirements.update'>>[1], 'id' | 'meetingId'>) =>
    reportFailure(trackSave(saveItem(api('requirements.update', { id: item.id, meetingId, ...patch }))).then(() => meeting.reload()));
  const go = (to: number) => {
    setIndex(Math.max(0, Math.min(list.length - 1, to)));
    card.current?.focus();
  };

  const onKey = (e: KeyboardEvent<HTMLElement>) => {
    if (!current || e.ctrlKey || e.altKey || e.metaKey) return;
    const inField = (e.target as HTMLElement).closest('input, textarea, select');
    if (inField) return;
    const status = REQUIREMENT_STATUSES[Number(e.key) - 1];
    if (e.key === 'ArrowDown' || e.key === 'j') go(index + 1);
    else if (e.key === 'ArrowUp' || e.key === 'k') go(index - 1);
    else if (status) void change(current, { status });
    else if (e.key === '+') void change(current, { dueDate: shiftDate(current.dueDate, 7, today) });
    else if (e.key === '-') void change(current, { dueDate: shiftDate(current.dueDate, -7, today) });
    else if (e.key === 'Enter') {
      void reportFailure(trackSave(api('requirements.review', { id: current.id, meetingId })).then(() => meeting.reload()));
      go(index + 1);
    } else if (e.key === 'n') document.querySelector<HTMLInputElement>('[data-status-call-new] input')?.focus();
    else return;
    e.preventDefault();
  };

  const add = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const created = await trackSave(api('requirements.create', { projectId, title: newTitle, meetingId }));
      useOpenChecklist.getState().put([created]);
      setOrder([...order, created.id]);
      setNewTitle('');
      await meeting.reload();
    });
  };

  const owners = [{ value: '', label: t('workshops.noOwner') }, ...people.map((m) => ({ value: m.person.id, label: m.person.name }))];

  return (
    <article className="status-call" aria-labelledby="status-call-heading" onKeyDown={onKey}>
      <div className="screen-title">
        <h2 id="status-call-heading">{t('statusCall.heading')}</h2>
        <a href={`#/project/${projectId}/meetings/${meetingId}`}>{t('statusCall.back')}</a>
      </div>
      <p className="muted small" id="status-call-keys">
        {t('statusCall.keys')}
      </p>
      {list.length === 0 && <p>{t('statusCall.nothingOpen')}</p>}
      {current && (
        <section
          ref={cardRef}
          tabIndex={0}
          className="status-card"
          aria-labelledby="status-card-title"
          aria-describedby="status-call-keys"
          aria-keyshortcuts="ArrowDown ArrowUp 1 2 3 4 5 + - Enter n"
        >
          <p className="muted">
            {t('statusCall.position', { n: list.indexOf(current) + 1, total: list.length })}
            {isOverdue(current, today) && <strong className="overdue"> · {t('workshops.overdue')}</strong>}
            {reviewed.has(current.id) && <span> · {t('statusCall.seen')}</span>}
          </p>
          <h3 id="status-card-title">
            {formatNumber(current.number)} {current.title}
          </h3>
          {current.description && <p>{current.description}</p>}
          <div className="form-grid" key={current.id}>
            <AutoSelect
              label={t('requirements.column.status')}
              saved={current.status}
              options={REQUIREMENT_STATUSES.map((s, i) => ({ value: s, label: `${i + 1} · ${t(`requirementStatus.${s}`)}` }))}
              save={(v) => change(current, { status: v as Requirement['status'] })}
            />
            <AutoDate label={t('requirements.column.dueDate')} saved={current.dueDate ?? ''} save={(v) => change(current, { dueDate: emptyToNull(v) })} />
            <AutoSelect
              label={t('requirements.column.responsibleId')}
              saved={current.responsibleId ?? ''}
              options={owners}
              save={(v) => change(current, { responsibleId: emptyToNull(v) })}
            />
          </div>
          <p className="muted small">
            {[value('ownerSide', current.ownerSide), value('phase', current.phase), current.category].filter(Boolean).join(' · ')}
          </p>
          <div className="button-row">
            <button type="button" onClick={() => go(index - 1)} disabled={index === 0}>
              {t('statusCall.previous')}
            </button>
            <button type="button" className="primary" onClick={() => go(index + 1)} disabled={index >= list.length - 1}>
              {t('statusCall.next')}
            </button>
          </div>
        </section>
      )}
      <form className="add-item" onSubmit={add}>
        <div data-status-call-new>
          <TextField label={t('statusCall.newItem')} value={newTitle} onChange={setNewTitle} error={errorFor(t, error, 'title')} />
        </div>
        <button type="submit" disabled={busy}>
          {t('requirements.add')}
        </button>
      </form>
      <ol className="status-call-list" aria-label={t('statusCall.list')}>
        {list.map((r, i) => (
          <li key={r.id} aria-current={r.id === current?.id ? 'step' : undefined}>
            <button type="button" className="link-button" onClick={() => go(i)}>
              {formatNumber(r.number)} {r.title}
            </button>{' '}
            <span className="muted small">
              {value('status', r.status)}
              {r.dueDate ? ` · ${value('dueDate', r.dueDate)}` : ''}
            </span>
          </li>
        ))}
      </ol>
      <ReviewSummary review={meeting.data.review} />
    </article>
  );
}
