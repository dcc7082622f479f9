// What changed between this version and another of the same SOW: each changed field with its
// value before and after, long texts with the words taken out struck through and the words put
// in underlined, and the parts added, removed or changed (matched across versions by origin).
import { useEffect, useState } from 'react';
import type { FieldDiff, ItemDiff } from '../../../../shared/sows/diff.ts';
import type { SowDetail } from '../../../../shared/sows/types.ts';
import { SelectField } from '../../components/fields.tsx';
import { useT, type Translate } from '../../i18n.ts';
import { useUi } from '../../state/ui.ts';
import { useQuery } from '../../state/use-query.ts';
import { fieldLabel, valueText } from './field-text.ts';

function Value({ diff, side, valueOf }: { diff: FieldDiff; side: 'from' | 'to'; valueOf: (field: string, value: FieldDiff['from']) => string }) {
  if (!diff.words) return <>{valueOf(diff.field, diff[side])}</>;
  const hidden = side === 'from' ? 'added' : 'removed';
  return (
    <span className="sow-words">
      {diff.words
        .filter((w) => w.change !== hidden)
        .map((w, i) => (w.change === 'removed' ? <del key={i}>{w.text}</del> : w.change === 'added' ? <ins key={i}>{w.text}</ins> : <span key={i}>{w.text}</span>))}
    </span>
  );
}

function itemHeading(t: Translate, item: ItemDiff): string {
  return t(`sow.diff.${item.change}`, { part: t(`sow.part.${item.part}`), label: item.label || t('sow.untitled') });
}

export function SowDiffView({ detail }: { detail: SowDetail }) {
  const t = useT();
  const language = useUi((s) => s.language);
  const others = detail.versions.filter((v) => v.id !== detail.sow.id);
  const earlier = others.filter((v) => v.version < detail.sow.version).at(-1) ?? others[0]!;
  const [otherId, setOtherId] = useState(earlier.id);
  const other = others.find((v) => v.id === otherId) ?? earlier;
  // Always from the earlier version to the later one.
  const [fromId, toId] = other.version < detail.sow.version ? [other.id, detail.sow.id] : [detail.sow.id, other.id];
  const query = useQuery('sows.diff', { fromId, toId });
  const diff = query.data;
  // Asked again whenever the version shown was saved: the draft's changes show as they are typed.
  const { reload } = query;
  useEffect(() => {
    void reload();
  }, [detail, reload]);
  const valueOf = (field: string, value: FieldDiff['from']) => valueText(t, language, detail.sow.currency, field, value);

  return (
    <section className="panel" aria-labelledby="sow-diff-heading">
      <h3 id="sow-diff-heading">{t('sow.diff.heading')}</h3>
      <SelectField
        label={t('sow.diff.compareWith')}
        value={other.id}
        options={others.map((v) => ({ value: v.id, label: t('sow.versionStatus', { version: v.version, status: t(`sowStatus.${v.status}`) }) }))}
        onChange={setOtherId}
      />
      {diff && diff.fields.length === 0 && diff.items.length === 0 && <p className="muted">{t('sow.diff.none')}</p>}
      {diff && diff.fields.length > 0 && (
        <table className="sow-diff">
          <caption>{t('sow.diff.caption', { from: diff.from.version, to: diff.to.version })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sow.diff.field')}</th>
              <th scope="col">{t('sow.diff.version', { version: diff.from.version })}</th>
              <th scope="col">{t('sow.diff.version', { version: diff.to.version })}</th>
            </tr>
          </thead>
          <tbody>
            {diff.fields.map((f) => (
              <tr key={f.field}>
                <th scope="row">{fieldLabel(t, f.field)}</th>
                <td>
                  <Value diff={f} side="from" valueOf={valueOf} />
                </td>
                <td>
                  <Value diff={f} side="to" valueOf={valueOf} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {diff && diff.items.length > 0 && (
        <ul className="sow-diff-items">
          {diff.items.map((item) => (
            <li key={`${item.part}-${item.originId}`}>
              <strong>{itemHeading(t, item)}</strong>
              {item.change === 'changed' && (
                <ul>
                  {item.fields.map((f) => (
                    <li key={f.field}>
                      {fieldLabel(t, f.field)}: <Value diff={f} side="from" valueOf={valueOf} /> → <Value diff={f} side="to" valueOf={valueOf} />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
