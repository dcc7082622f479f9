// The checklist's views, filters, sorting, grouping, progress and the status call's order.
import { describe, expect, it } from 'vitest';
import type { Requirement } from '../../shared/checklist/types.ts';
import { groupItems, isOverdue, progressBy, queryItems, statusCallOrder, weekOf, type ChecklistQuery, type ShowValue } from '../../shared/checklist/view.ts';

let n = 0;
function item(fields: Partial<Requirement>): Requirement {
  n += 1;
  return {
    id: `id-${n}`,
    projectId: 'p',
    number: n,
    title: `Item ${n}`,
    description: '',
    category: '',
    topicKey: null,
    phase: null,
    ownerSide: null,
    responsibleId: null,
    dueDate: null,
    status: 'open',
    priority: 'normal',
    source: 'manual',
    meetingId: null,
    agendaItemId: null,
    createdAt: '',
    formerNumbers: [],
    ...fields,
  };
}

const NAMES: Record<string, string> = { jonas: 'Jonas Weber', miriam: 'Miriam Kaya' };
const show: ShowValue = (r, column) =>
  column === 'responsibleId' ? (r.responsibleId ? NAMES[r.responsibleId]! : '') : column === 'number' ? `R-${r.number}` : String(r[column] ?? '');
const TODAY = '2026-11-25'; // a Wednesday
const query = (q: Partial<ChecklistQuery>): ChecklistQuery => ({ view: 'all', filters: {}, search: '', sort: { column: 'number', descending: false }, ...q });

describe('checklist views', () => {
  n = 0;
  const late = item({ title: 'Late', dueDate: '2026-11-20', responsibleId: 'jonas', ownerSide: 'customer', category: 'Network' });
  const lateButDone = item({ title: 'Late but done', dueDate: '2026-11-20', status: 'done', category: 'Network' });
  const thisWeek = item({ title: 'Sunday', dueDate: '2026-11-29', responsibleId: 'miriam', ownerSide: 'consultancy', priority: 'high' });
  const nextWeek = item({ title: 'Next Monday', dueDate: '2026-11-30', responsibleId: 'jonas', ownerSide: 'customer', status: 'blocked' });
  const undated = item({ title: 'No date', description: 'Mentions the Firewall', priority: 'low', status: 'not_needed' });
  const all = [late, lateButDone, thisWeek, nextWeek, undated];
  const titles = (items: Requirement[]) => items.map((r) => r.title);

  it('finds overdue items: open ones past their date, not finished ones', () => {
    expect(isOverdue(late, TODAY)).toBe(true);
    expect(isOverdue(lateButDone, TODAY)).toBe(false);
    expect(titles(queryItems(all, query({ view: 'overdue' }), show, TODAY))).toEqual(['Late']);
  });

  it('knows the week: Monday to Sunday', () => {
    expect(weekOf(TODAY)).toEqual({ start: '2026-11-23', end: '2026-11-29' });
    expect(weekOf('2026-11-29')).toEqual({ start: '2026-11-23', end: '2026-11-29' });
    expect(titles(queryItems(all, query({ view: 'dueThisWeek' }), show, TODAY))).toEqual(['Sunday']);
  });

  it('filters on what a column shows, searches the text, and sorts both ways with ties by number', () => {
    expect(titles(queryItems(all, query({ filters: { responsibleId: 'jon' } }), show, TODAY))).toEqual(['Late', 'Next Monday']);
    expect(titles(queryItems(all, query({ search: 'firewall' }), show, TODAY))).toEqual(['No date']);
    expect(titles(queryItems(all, query({ sort: { column: 'dueDate', descending: false } }), show, TODAY))).toEqual([
      'Late',
      'Late but done',
      'Sunday',
      'Next Monday',
      'No date',
    ]);
    expect(titles(queryItems(all, query({ sort: { column: 'priority', descending: false } }), show, TODAY))[0]).toBe('Sunday');
    expect(titles(queryItems(all, query({ sort: { column: 'number', descending: true } }), show, TODAY))[0]).toBe('No date');
  });

  it('groups by owner side and by responsible person', () => {
    expect(groupItems(all, 'byResponsible', show).map((g) => [g.key, g.items.length])).toEqual([
      ['Jonas Weber', 2],
      ['', 2],
      ['Miriam Kaya', 1],
    ]);
    expect(groupItems(all, 'all', show)).toHaveLength(1);
  });

  it('counts progress per category: done and not needed count as finished', () => {
    expect(progressBy(all, (r) => r.category)).toEqual([
      { key: '', done: 1, total: 3 },
      { key: 'Network', done: 1, total: 2 },
    ]);
  });

  it('walks a status call through overdue items first, then open ones by date, leaving finished ones out', () => {
    expect(titles(statusCallOrder(all, TODAY))).toEqual(['Late', 'Sunday', 'Next Monday']);
  });
});
