// The status call's own minutes, written by the call itself: the checklist items it added, those
// it changed (each change from old to new) and those it went through without change.
import { formatNumber } from '../../../../shared/checklist/types.ts';
import type { ReviewChange, ReviewedItem, ReviewOutcome } from '../../../../shared/meetings/types.ts';
import { useT } from '../../i18n.ts';
import { useItemText } from '../checklist/item-text.ts';

const ORDER: ReviewOutcome[] = ['added', 'changed', 'reviewed'];

export function ReviewSummary({ review }: { review: readonly ReviewedItem[] }) {
  const t = useT();
  const { change: changeText } = useItemText();
  return (
    <section className="panel" aria-labelledby="review-heading">
      <h3 id="review-heading">{t('review.heading')}</h3>
      {review.length === 0 && <p className="muted">{t('review.none')}</p>}
      {ORDER.map((outcome) => {
        const items = review.filter((r) => r.outcome === outcome);
        if (items.length === 0) return null;
        return (
          <div key={outcome}>
            <h4>{t(`review.${outcome}`, { count: items.length })}</h4>
            <ul className="gathered">
              {items.map((r) => (
                <li key={r.requirementId}>
                  <strong>{formatNumber(r.number)}</strong> {r.title}
                  {r.changes.length > 0 && <span className="muted"> — {r.changes.map((c: ReviewChange) => changeText(c.field, c.from, c.to)).join('; ')}</span>}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
