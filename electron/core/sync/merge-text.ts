// Three-way merge of a long text two people edited while apart, word by word (node-diff3, the
// diff3 algorithm of GNU diffutils): edits to different places both survive; where both changed
// the same words differently there is no merge, and the field's conflict stands.
import { diff3Merge } from 'node-diff3';

/** Words and the whitespace between them, so that joining the pieces gives the text back exactly. */
function words(text: string): string[] {
  return text.split(/(\s+)/).filter((piece) => piece !== '');
}

/** The merge of `ours` and `theirs`, both edited from `base`; null where their edits overlap. */
export function mergeText(ours: string, base: string, theirs: string): string | null {
  const regions = diff3Merge(words(ours), words(base), words(theirs), { excludeFalseConflicts: true });
  let merged = '';
  for (const region of regions) {
    if (region.conflict) return null;
    merged += (region.ok ?? []).join('');
  }
  return merged;
}
