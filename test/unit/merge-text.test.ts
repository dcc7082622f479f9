// The three-way merge of long texts that sync uses where two people edited one while apart.
import { describe, expect, it } from 'vitest';
import { mergeText } from '../../electron/core/sync/merge-text.ts';

describe('mergeText', () => {
  const base = 'Kick-off on Monday.\n\nMigration  in two waves:\tfirst IT, then all.';

  it('takes both edits where they do not overlap, keeping every space, tab and line break', () => {
    const ours = base.replace('Monday', 'Tuesday');
    const theirs = base.replace('then all.', 'then all (from 1 March).');
    expect(mergeText(ours, base, theirs)).toBe('Kick-off on Tuesday.\n\nMigration  in two waves:\tfirst IT, then all (from 1 March).');
  });

  it('takes the same edit made on both sides once', () => {
    const both = base.replace('two waves', 'three waves');
    expect(mergeText(both, base, both)).toBe(both);
  });

  it('gives no merge where both changed the same words differently', () => {
    expect(mergeText(base.replace('Monday', 'Tuesday'), base, base.replace('Monday', 'Friday'))).toBeNull();
  });

  it('merges from an empty text too: one side wrote, the other did not', () => {
    expect(mergeText('', '', 'New notes')).toBe('New notes');
  });
});
