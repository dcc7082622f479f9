// The checklist as the consultant looks at it: the views (all, overdue, due this week, grouped by
// owner side or by responsible person), a filter per column, a search over the text, sorting on
// any column, and progress per phase and category. Pure functions over the items, shared by the
// screen, the status call and the exports, so that what is filtered is what is exported.
import { CLOSED_STATUSES, numberTexts, type Requirement } from './types.ts';

export const CHECKLIST_VIEWS = ['all', 'overdue', 'dueThisWeek', 'byOwnerSide', 'byResponsible'] as const;
export type ChecklistView = (typeof CHECKLIST_VIEWS)[number];

export const COLUMNS = ['number', 'title', 'category', 'phase', 'ownerSide', 'responsibleId', 'dueDate', 'status', 'priority', 'source'] as const;
export type Column = (typeof COLUMNS)[number];

export interface SortOrder {
  column: Column;
  descending: boolean;
}

export interface ChecklistQuery {
  view: ChecklistView;
  /** Text a column's shown value must contain (case-insensitive); empty: no filter. */
  filters: Partial<Record<Column, string>>;
  search: string;
  sort: SortOrder;
}

/** How a column's value reads on screen (a person's name, a translated status): filters match this. */
export type ShowValue = (item: Requirement, column: Column) => string;

export const isOpen = (item: Requirement): boolean => !CLOSED_STATUSES.includes(item.status);

export function isOverdue(item: Requirement, today: string): boolean {
  return isOpen(item) && item.dueDate !== null && item.dueDate < today;
}

/** Monday to Sunday of the week `today` is in, as ISO dates. */
export function weekOf(today: string): { start: string; end: string } {
  const day = new Date(`${today}T00:00:00Z`);
  const monday = new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * 86_400_000);
  const sunday = new Date(monday.getTime() + 6 * 86_400_000);
  return { start: monday.toISOString().slice(0, 10), end: sunday.toISOString().slice(0, 10) };
}

function inView(item: Requirement, view: ChecklistView, today: string): boolean {
  if (view === 'overdue') return isOverdue(item, today);
  if (view === 'dueThisWeek') {
    const { start, end } = weekOf(today);
    return isOpen(item) && item.dueDate !== null && item.dueDate >= start && item.dueDate <= end;
  }
  return true;
}

const PRIORITY_ORDER = { high: 0, normal: 1, low: 2 } as const;

function compare(a: Requirement, b: Requirement, column: Column, show: ShowValue): number {
  if (column === 'number') return a.number - b.number;
  if (column === 'priority') return PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority];
  // Without a due date counts as latest: last when sorting by date ascending.
  if (column === 'dueDate') return (a.dueDate ?? '9999-99-99').localeCompare(b.dueDate ?? '9999-99-99');
  return show(a, column).localeCompare(show(b, column), undefined, { sensitivity: 'base', numeric: true });
}

/**
 * The items of a view that pass every filter and the search, in the chosen order (ties by number).
 * A number the item had before sync renumbered it finds it too ("R-042" the item now R-043).
 */
export function queryItems(items: readonly Requirement[], query: ChecklistQuery, show: ShowValue, today: string): Requirement[] {
  const filters = Object.entries(query.filters)
    .filter(([, text]) => text && text.trim())
    .map(([column, text]) => [column as Column, text.trim().toLocaleLowerCase()] as const);
  const shown = (item: Requirement, column: Column) => (column === 'number' ? numberTexts(item) : show(item, column));
  const search = query.search.trim().toLocaleLowerCase();
  const kept = items.filter(
    (item) =>
      inView(item, query.view, today) &&
      filters.every(([column, text]) => shown(item, column).toLocaleLowerCase().includes(text)) &&
      (!search || `${numberTexts(item)} ${item.title} ${item.description} ${item.category}`.toLocaleLowerCase().includes(search)),
  );
  const direction = query.sort.descending ? -1 : 1;
  return kept.sort((a, b) => direction * compare(a, b, query.sort.column, show) || a.number - b.number);
}

/** Groups for the grouped views, in order of first appearance in the sorted items. */
export function groupItems(items: readonly Requirement[], view: ChecklistView, show: ShowValue): { key: string; items: Requirement[] }[] {
  if (view !== 'byOwnerSide' && view !== 'byResponsible') return [{ key: '', items: [...items] }];
  const column: Column = view === 'byOwnerSide' ? 'ownerSide' : 'responsibleId';
  const groups = new Map<string, Requirement[]>();
  for (const item of items) {
    const key = show(item, column);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return [...groups].map(([key, members]) => ({ key, items: members }));
}

export interface Progress {
  key: string;
  done: number;
  total: number;
}

/** Finished (done or not needed) against all items, per phase or per category. */
export function progressBy(items: readonly Requirement[], key: (item: Requirement) => string): Progress[] {
  const byKey = new Map<string, Progress>();
  for (const item of items) {
    const k = key(item);
    const p = byKey.get(k) ?? { key: k, done: 0, total: 0 };
    p.total++;
    if (!isOpen(item)) p.done++;
    byKey.set(k, p);
  }
  return [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** The status call goes through overdue items first, then the other open ones by due date. */
export function statusCallOrder(items: readonly Requirement[], today: string): Requirement[] {
  const open = items.filter(isOpen);
  const rank = (r: Requirement) => (isOverdue(r, today) ? 0 : 1);
  return open.sort((a, b) => rank(a) - rank(b) || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.number - b.number);
}
