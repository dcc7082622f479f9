// One list of an SOW's parts as a table: a row per item with its fields (saved as typed), moving
// an item up, removing it, and adding one at the end, whose first field then has the focus.
import { useContext, useEffect, useState, type ReactNode } from 'react';
import type { SowPart } from '../../../../shared/sows/types.ts';
import { api } from '../../api/client.ts';
import { useT } from '../../i18n.ts';
import { reportFailure } from '../../state/ui.ts';
import { FrozenContext } from './sow-fields.tsx';

export interface PartColumn<T> {
  title: string;
  /** The cell of one item; `label` names its field for screen readers ("Days, line 2"). */
  cell: (item: T, label: string) => ReactNode;
  numeric?: boolean;
}

interface Props<T extends { id: string }> {
  part: SowPart;
  sowId: string;
  heading: string;
  items: readonly T[];
  columns: readonly PartColumn<T>[];
  addLabel: string;
  empty: string;
  /** Rows below the items (the totals of the effort lines). */
  footer?: ReactNode;
  onChanged: () => Promise<void>;
}

export function PartTable<T extends { id: string }>({ part, sowId, heading, items, columns, addLabel, empty, footer, onChanged }: Props<T>) {
  const t = useT();
  const { frozen, ask } = useContext(FrozenContext);
  const [focusId, setFocusId] = useState<string | null>(null);
  const headingId = `sow-${part}-heading`;

  useEffect(() => {
    if (!focusId || !items.some((i) => i.id === focusId)) return;
    document.querySelector<HTMLElement>(`[data-part-row="${focusId}"] input, [data-part-row="${focusId}"] select, [data-part-row="${focusId}"] textarea`)?.focus();
    setFocusId(null);
  }, [items, focusId]);

  const change = (work: () => Promise<unknown>) => (frozen ? ask() : void reportFailure(work().then(onChanged)));
  const add = () =>
    change(async () => {
      const before = new Set(items.map((i) => i.id));
      const detail = await api('sowItems.add', { sowId, part });
      const list = { deliverable: detail.deliverables, milestone: detail.milestones, role: detail.roles, effort: detail.effortLines, payment: detail.payments }[part];
      setFocusId(list.find((i) => !before.has(i.id))?.id ?? null);
    });

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{heading}</h3>
      {items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <table className="sow-table">
          <caption className="visually-hidden">{heading}</caption>
          <thead>
            <tr>
              <th scope="col">{t('doc.col.number')}</th>
              {columns.map((c) => (
                <th key={c.title} scope="col" className={c.numeric ? 'numeric' : undefined}>
                  {c.title}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">{t('sow.rowActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item, i) => (
              <tr key={item.id} data-part-row={item.id}>
                <th scope="row">{i + 1}</th>
                {columns.map((c) => (
                  <td key={c.title} className={c.numeric ? 'numeric' : undefined}>
                    {c.cell(item, t('sow.cell', { column: c.title, n: i + 1 }))}
                  </td>
                ))}
                <td className="row-actions">
                  {i > 0 && (
                    <button type="button" className="link-button" aria-label={t('sow.moveUp', { n: i + 1 })} onClick={() => change(() => api('sowItems.move', { part, id: item.id, position: i }))}>
                      ↑
                    </button>
                  )}
                  <button type="button" className="link-button" aria-label={t('sow.removeRow', { n: i + 1 })} onClick={() => change(() => api('sowItems.remove', { part, id: item.id }))}>
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
          {footer}
        </table>
      )}
      <button type="button" onClick={add}>
        {addLabel}
      </button>
    </section>
  );
}
