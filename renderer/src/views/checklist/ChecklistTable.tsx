// The checklist as a table that stays smooth with tens of thousands of rows: only the rows in
// view (and a few around them) are in the page, between two spacer rows that keep the scroll
// height right; rows have a fixed height for that. Headers sort (aria-sort says how); the row
// under them filters each column. Screen readers learn the full row count from aria-rowcount.
import { useState, type UIEvent } from 'react';
import { formatNumber, type Requirement } from '../../../../shared/checklist/types.ts';
import { COLUMNS, isOverdue, type Column, type SortOrder } from '../../../../shared/checklist/view.ts';
import { useT } from '../../i18n.ts';
import { useItemText } from './item-text.ts';

/** Keep in step with `.checklist-table tbody tr` in styles.css. */
export const ROW_HEIGHT = 36;
const OVERSCAN = 10;
const VIEWPORT_ROWS = 18;

/** A row of the table: an item, or the heading of a group in the grouped views. */
export type TableRow = { kind: 'item'; item: Requirement } | { kind: 'group'; label: string; count: number };

interface Props {
  rows: readonly TableRow[];
  itemCount: number;
  sort: SortOrder;
  onSort(column: Column): void;
  filters: Partial<Record<Column, string>>;
  onFilter(column: Column, text: string): void;
  selected: ReadonlySet<string>;
  onSelect(ids: readonly string[], on: boolean): void;
  today: string;
  openId: string | null;
}

export function ChecklistTable({ rows, itemCount, sort, onSort, filters, onFilter, selected, onSelect, today, openId }: Props) {
  const t = useT();
  const { show, fieldLabel } = useItemText();
  const [scrollTop, setScrollTop] = useState(0);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil(scrollTop / ROW_HEIGHT) + VIEWPORT_ROWS + OVERSCAN);
  const visible = rows.slice(first, last);
  const itemIds = rows.flatMap((r) => (r.kind === 'item' ? [r.item.id] : []));
  const allSelected = itemIds.length > 0 && itemIds.every((id) => selected.has(id));

  const ariaSort = (column: Column) => (sort.column !== column ? undefined : sort.descending ? 'descending' : 'ascending');

  return (
    <div className="checklist-viewport" onScroll={(e: UIEvent<HTMLDivElement>) => setScrollTop(e.currentTarget.scrollTop)}>
      <table className="checklist-table" aria-rowcount={rows.length + 2}>
        <caption className="visually-hidden">{t('requirements.tableCaption', { count: itemCount })}</caption>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" className="select-cell">
              <input
                type="checkbox"
                aria-label={t('requirements.selectAll', { count: itemIds.length })}
                checked={allSelected}
                onChange={(e) => onSelect(itemIds, e.target.checked)}
              />
            </th>
            {COLUMNS.map((column) => (
              <th key={column} scope="col" aria-sort={ariaSort(column)} className={`col-${column}`}>
                <button type="button" className="sort-button" onClick={() => onSort(column)}>
                  {fieldLabel(column)}
                  <span aria-hidden="true">{sort.column === column ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
                </button>
              </th>
            ))}
          </tr>
          <tr aria-rowindex={2} className="filter-row">
            <td />
            {COLUMNS.map((column) => (
              <td key={column}>
                <input
                  type="search"
                  aria-label={t('requirements.filterBy', { column: fieldLabel(column) })}
                  value={filters[column] ?? ''}
                  onChange={(e) => onFilter(column, e.target.value)}
                />
              </td>
            ))}
          </tr>
        </thead>
        <tbody>
          {first > 0 && <tr aria-hidden="true" style={{ height: first * ROW_HEIGHT }} />}
          {visible.map((row, i) =>
            row.kind === 'group' ? (
              <tr key={`group-${row.label}`} className="group-row" aria-rowindex={first + i + 3}>
                <th scope="rowgroup" colSpan={COLUMNS.length + 1}>
                  {row.label || t('requirements.nobody')} <span className="muted">({row.count})</span>
                </th>
              </tr>
            ) : (
              <tr
                key={row.item.id}
                aria-rowindex={first + i + 3}
                aria-selected={selected.has(row.item.id)}
                className={[isOverdue(row.item, today) ? 'overdue' : '', row.item.id === openId ? 'open-row' : ''].join(' ')}
              >
                <td className="select-cell">
                  <input
                    type="checkbox"
                    aria-label={t('requirements.select', { number: formatNumber(row.item.number) })}
                    checked={selected.has(row.item.id)}
                    onChange={(e) => onSelect([row.item.id], e.target.checked)}
                  />
                </td>
                {COLUMNS.map((column) =>
                  column === 'title' ? (
                    <td key={column} className="col-title">
                      <a href={`#/project/${row.item.projectId}/checklist/${row.item.id}`}>{row.item.title}</a>
                    </td>
                  ) : (
                    <td key={column} className={`col-${column}`}>
                      {show(row.item, column)}
                    </td>
                  ),
                )}
              </tr>
            ),
          )}
          {last < rows.length && <tr aria-hidden="true" style={{ height: (rows.length - last) * ROW_HEIGHT }} />}
        </tbody>
      </table>
    </div>
  );
}
