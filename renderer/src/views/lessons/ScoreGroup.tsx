// A score of 1 (poor) to 5 (very good), or none, as a radio group: Tab reaches it, the arrow keys
// move the score, and the choice shows at once while it is saved.
import { useT } from '../../i18n.ts';
import { useDraft } from '../../state/use-draft.ts';

const SCORES = [1, 2, 3, 4, 5] as const;
const NONE = '';

interface Props {
  legend: string;
  /** The radios' shared name, unique on the page. */
  name: string;
  saved: number | null;
  save: (score: number | null) => Promise<unknown>;
}

export function ScoreGroup({ legend, name, saved, save }: Props) {
  const t = useT();
  const draft = useDraft(saved === null ? NONE : String(saved), (v) => save(v === NONE ? null : Number(v)));
  return (
    <fieldset className="choice-group">
      <legend>{legend}</legend>
      {SCORES.map((s) => (
        <label key={s} className="checkbox">
          <input type="radio" name={name} value={s} checked={draft.value === String(s)} onChange={() => draft.commit(String(s))} />
          {s}
        </label>
      ))}
      <label className="checkbox">
        <input type="radio" name={name} value={NONE} checked={draft.value === NONE} onChange={() => draft.commit(NONE)} />
        {t('training.noScore')}
      </label>
    </fieldset>
  );
}
