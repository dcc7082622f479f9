// What changed between two versions of an SOW, field by field: short values as before and after,
// long texts as word-level changes (jsdiff's diffWords, the well-kept diff library), and the
// children (deliverables, milestones, roles, effort lines, payments) matched across versions by
// the item they were copied from, so an edited line shows as changed, not as removed and added.
import { diffWords } from 'diff';
import { SOW_FIELDS, SOW_TEXTS, type Milestone, type Sow, type SowPart, type SowParts } from './types.ts';

export type DiffValue = string | number | null;

/** A piece of a long text: unchanged, added or removed. */
export interface WordChange {
  text: string;
  change: 'same' | 'added' | 'removed';
}

export interface FieldDiff {
  field: string;
  from: DiffValue;
  to: DiffValue;
  /** For long texts: the words, with what was removed and added. */
  words?: WordChange[];
}

export interface ItemDiff {
  part: SowPart;
  originId: string;
  change: 'added' | 'removed' | 'changed';
  /** How the item is called (its title, role or label), in the later version where it is there. */
  label: string;
  fields: FieldDiff[];
}

export interface SowDiff {
  from: { id: string; version: number };
  to: { id: string; version: number };
  fields: FieldDiff[];
  items: ItemDiff[];
}

type Version = SowParts & { sow: Sow };
type Item = { id: string; originId: string } & Record<string, unknown>;

/** Each part's compared fields, its long texts and the field that names an item. */
const PARTS: Record<SowPart, { list: keyof SowParts; fields: readonly string[]; texts: readonly string[]; label: string }> = {
  deliverable: { list: 'deliverables', fields: ['title', 'acceptanceCriteria', 'dueDate'], texts: ['acceptanceCriteria'], label: 'title' },
  milestone: { list: 'milestones', fields: ['title', 'dueDate'], texts: [], label: 'title' },
  role: { list: 'roles', fields: ['side', 'role', 'responsibilities'], texts: ['responsibilities'], label: 'role' },
  effort: { list: 'effortLines', fields: ['role', 'description', 'dayHundredths', 'rateMinor'], texts: ['description'], label: 'description' },
  payment: { list: 'payments', fields: ['label', 'percentBasisPoints', 'milestone', 'dueDate'], texts: [], label: 'label' },
};

const LONG_TEXTS: ReadonlySet<string> = new Set(SOW_TEXTS);

function words(from: string, to: string): WordChange[] {
  return diffWords(from, to).map((c) => ({ text: c.value, change: c.added ? 'added' : c.removed ? 'removed' : 'same' }));
}

function fieldDiff(field: string, from: DiffValue, to: DiffValue, long: boolean): FieldDiff | null {
  if (from === to) return null;
  return long && typeof from === 'string' && typeof to === 'string' ? { field, from, to, words: words(from, to) } : { field, from, to };
}

/** A payment names its milestone by id, which differs per version: compared by the milestone's origin, shown by its title. */
function withMilestone(version: Version): (item: Item) => Item {
  const byId = new Map<string, Milestone>(version.milestones.map((m) => [m.id, m]));
  return (item) => {
    const milestone = typeof item['milestoneId'] === 'string' ? byId.get(item['milestoneId']) : undefined;
    return { ...item, milestone: milestone?.title ?? null, milestoneOrigin: milestone?.originId ?? null };
  };
}

function itemFields(part: SowPart, a: Item | undefined, b: Item | undefined): FieldDiff[] {
  const { fields, texts } = PARTS[part];
  return fields.flatMap((field) => {
    const from = (a?.[field] ?? null) as DiffValue;
    const to = (b?.[field] ?? null) as DiffValue;
    // A payment moved to another milestone of the same title is still a change.
    if (field === 'milestone' && a && b && a['milestoneOrigin'] !== b['milestoneOrigin']) return [{ field, from, to }];
    return fieldDiff(field, from, to, texts.includes(field)) ?? [];
  });
}

const labelOf = (item: Item, field: string): string => {
  const value = item[field];
  return typeof value === 'string' ? value : '';
};

export function diffSows(a: Version, b: Version): SowDiff {
  const fields = SOW_FIELDS.flatMap((field) => fieldDiff(field, a.sow[field], b.sow[field], LONG_TEXTS.has(field)) ?? []);
  const items: ItemDiff[] = [];
  for (const [part, def] of Object.entries(PARTS) as [SowPart, (typeof PARTS)[SowPart]][]) {
    const before = (a[def.list] as unknown as Item[]).map(part === 'payment' ? withMilestone(a) : (x) => x);
    const after = (b[def.list] as unknown as Item[]).map(part === 'payment' ? withMilestone(b) : (x) => x);
    const earlier = new Map(before.map((x) => [x.originId, x]));
    const later = new Set(after.map((x) => x.originId));
    for (const item of after) {
      const old = earlier.get(item.originId);
      const changed = itemFields(part, old, item);
      if (old && changed.length === 0) continue;
      items.push({ part, originId: item.originId, change: old ? 'changed' : 'added', label: labelOf(item, def.label), fields: changed });
    }
    for (const item of before) {
      if (!later.has(item.originId)) items.push({ part, originId: item.originId, change: 'removed', label: labelOf(item, def.label), fields: itemFields(part, item, undefined) });
    }
  }
  return { from: { id: a.sow.id, version: a.sow.version }, to: { id: b.sow.id, version: b.sow.version }, fields, items };
}
