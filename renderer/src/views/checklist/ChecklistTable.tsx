// The checklist as a table that stays smooth with tens of thousands of rows: only the rows in
// view (and a few around them) are in the page, between two spacer rows that keep the scroll
// height right. How many rows are in view follows the scroll area's measured height (a tall or
// zoomed-out window shows more); rows have a fixed height, so nothing else needs measuring.
// Headers sort (aria-sort says how); the row under them filters each column. Screen readers learn
// the full row count from aria-rowcount and each drawn row's place from aria-rowindex.
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useState } from 'react';
import { formatNumber, type Requirement } from '../../../../shared/checklist/types.ts';
import { COLUMNS, isOverdue, type Column, type SortOrder } from '../../../../shared/checklist/view.ts';
import { useT } from '../../i18n.ts';
import { useItemText } from './item-text.ts';

/** Keep in step with `.checklist-table tbody tr` in styles.css. */
const ROW_HEIGHT = 36;
/** Rows drawn beyond each edge of the scroll area, so a quick scroll meets rows, not blank space. */
const OVERSCAN = 10;
/** The sort header row and the filter row: aria-rowindex of the first body row is this plus one. */
const HEADER_ROWS = 2;

/** A row of the table: an item, or the heading of a group in the grouped views. */
export type TableRow = { kind: 'item'; item: Requirement } | { kind: 'group'; label: string; count: number };

interface Props {
  rows: readonly TableRow[];
  itemCount: number;
  sort: SortOrder;
  onSort: (column: Column) => void;
  filters: Partial<Record<Column, string>>;
  onFilter: (column: Column, text: string) => void;
  selected: ReadonlySet<string>;
  onSelect: (ids: readonly string[], on: boolean) => void;
  today: string;
  openId: string | null;
}

export function ChecklistTable({ rows, itemCount, sort, onSort, filters, onFilter, selected, onSelect, today, openId }: Props) {
  const t = useT();
  // State rather than a ref: the body's virtualizer needs the element once it exists, and a
  // state change renders the body again to measure it.
  const [viewport, setViewport] = useState<HTMLDivElement | null>(null);

  return (
    <div className="checklist-viewport" ref={setViewport}>
      <table className="checklist-table" aria-rowcount={rows.length + HEADER_ROWS}>
        <caption className="visually-hidden">{t('requirements.tableCaption', { count: itemCount })}</caption>
        <ChecklistHead rows={rows} sort={sort} onSort={onSort} filters={filters} onFilter={onFilter} selected={selected} onSelect={onSelect} />
        <ChecklistBody rows={rows} viewport={viewport} selected={selected} onSelect={onSelect} today={today} openId={openId} />
      </table>
    </div>
  );
}

type HeadProps = Pick<Props, 'rows' | 'sort' | 'onSort' | 'filters' | 'onFilter' | 'selected' | 'onSelect'>;

function ChecklistHead({ rows, sort, onSort, filters, onFilter, selected, onSelect }: HeadProps) {
  const t = useT();
  const { fieldLabel } = useItemText();
  const itemIds = rows.flatMap((r) => (r.kind === 'item' ? [r.item.id] : []));
  const allSelected = itemIds.length > 0 && itemIds.every((id) => selected.has(id));
  const ariaSort = (column: Column) => (sort.column !== column ? undefined : sort.descending ? 'descending' : 'ascending');

  return (
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
  );
}

type BodyProps = Pick<Props, 'rows' | 'selected' | 'onSelect' | 'today' | 'openId'> & { viewport: HTMLDivElement | null };

/**
 * The rows in view; scrolling renders only this part of the table again. The virtualizer counts
 * offsets from the top of the scroll area and does not know about the sticky header rows above
 * the first body row, so it takes a header's height of rows too many as visible: a row or two
 * more drawn, never one too few.
 */
function ChecklistBody({ rows, viewport, selected, onSelect, today, openId }: BodyProps) {
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => viewport,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
  });
  const drawn = virtualizer.getVirtualItems();
  const above = drawn[0]?.start ?? 0;
  const below = virtualizer.getTotalSize() - (drawn.at(-1)?.end ?? 0);

  return (
    <tbody>
      {above > 0 && <tr aria-hidden="true" style={{ height: above }} />}
      {drawn.map(({ index }) => {
        const row = rows[index]!;
        const rowIndex = index + HEADER_ROWS + 1;
        return row.kind === 'group' ? (
          <GroupRow key={`group-${row.label}`} rowIndex={rowIndex} label={row.label} count={row.count} />
        ) : (
          <ItemRow
            key={row.item.id}
            rowIndex={rowIndex}
            item={row.item}
            selected={selected.has(row.item.id)}
            overdue={isOverdue(row.item, today)}
            open={row.item.id === openId}
            onSelect={onSelect}
          />
        );
      })}
      {below > 0 && <tr aria-hidden="true" style={{ height: below }} />}
    </tbody>
  );
}

function GroupRow({ rowIndex, label, count }: { rowIndex: number; label: string; count: number }) {
  const t = useT();
  return (
    <tr className="group-row" aria-rowindex={rowIndex}>
      <th scope="rowgroup" colSpan={COLUMNS.length + 1}>
        {label || t('requirements.nobody')} <span className="muted">({count})</span>
      </th>
    </tr>
  );
}

interface ItemRowProps {
  rowIndex: number;
  item: Requirement;
  selected: boolean;
  overdue: boolean;
  open: boolean;
  onSelect: Props['onSelect'];
}

/** Memoised: a scroll draws a few new rows, and the rows that stay in view need no new render. */
const ItemRow = memo(function ItemRow({ rowIndex, item, selected, overdue, open, onSelect }: ItemRowProps) {
  const t = useT();
  const { show, formerNumbers } = useItemText();
  const former = formerNumbers(item);
  return (
    <tr aria-rowindex={rowIndex} aria-selected={selected} className={[overdue ? 'overdue' : '', open ? 'open-row' : ''].join(' ')}>
      <td className="select-cell">
        <input
          type="checkbox"
          aria-label={t('requirements.select', { number: formatNumber(item.number) })}
          checked={selected}
          onChange={(e) => onSelect([item.id], e.target.checked)}
        />
      </td>
      {COLUMNS.map((column) =>
        column === 'title' ? (
          <td key={column} className="col-title">
            <a href={`#/project/${item.projectId}/checklist/${item.id}`}>{item.title}</a>
          </td>
        ) : (
          <td key={column} className={`col-${column}`}>
            {show(item, column)}
            {column === 'number' && former && <span className="muted small"> ({former})</span>}
          </td>
        ),
      )}
    </tr>
  );
});
