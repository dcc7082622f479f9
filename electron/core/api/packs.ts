// Template packs: the bundled ones and those a consultancy imported (stored through the write
// path, so they travel to colleagues with the rest). The newest version of a pack is the one new
// workshop sessions use; older versions stay, so earlier sessions keep their labels.
import { eq } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/api.ts';
import { ApiError } from '../../../shared/errors.ts';
import { packRef, type Pack } from '../../../shared/workshops/pack.ts';
import type { PackSummary } from '../../../shared/workshops/types.ts';
import { checkPack } from '../../../shared/workshops/validate-pack.ts';
import { live } from '../db/read.ts';
import * as t from '../db/tables/index.ts';
import { newId } from '../ids.ts';
import { changesFor, type Context } from './context.ts';

interface StoredPack {
  pack: Pack;
  builtIn: boolean;
}

/**
 * Imported packs checked once per database and row: every workshop call looks its pack up, and
 * checking a large pack each time would cost milliseconds a call. A row's content is written once,
 * on import, and never changed, so its id is a safe key.
 */
const checkedPacks = new WeakMap<Context['store'], Map<string, Pack | null>>();

function importedPacks(ctx: Context): Pack[] {
  let checked = checkedPacks.get(ctx.store);
  if (!checked) checkedPacks.set(ctx.store, (checked = new Map<string, Pack | null>()));
  const rows = ctx.store.orm.select({ id: t.templatePack.id }).from(t.templatePack).where(live(t.templatePack)).all();
  return rows.flatMap(({ id }) => {
    if (!checked.has(id)) {
      const stored = ctx.store.orm.select({ content: t.templatePack.content }).from(t.templatePack).where(eq(t.templatePack.id, id)).get();
      // Stored packs were checked on import; a row that fails now (a damaged sync) is skipped.
      const check = stored ? checkPack(stored.content) : null;
      checked.set(id, check?.ok ? check.pack : null);
    }
    return checked.get(id) ?? [];
  });
}

/** Every pack version this installation has; an imported version replaces a bundled one of the same number. */
function allPacks(ctx: Context): StoredPack[] {
  const byRef = new Map<string, StoredPack>();
  for (const pack of ctx.bundledPacks) byRef.set(packRef(pack), { pack, builtIn: true });
  for (const pack of importedPacks(ctx)) byRef.set(packRef(pack), { pack, builtIn: false });
  return [...byRef.values()];
}

function versionsOf(ctx: Context, id: string): StoredPack[] {
  return allPacks(ctx)
    .filter((p) => p.pack.id === id)
    .sort((a, b) => b.pack.version - a.pack.version);
}

/** The newest version of a pack, or a given one; not_found names `field`. */
export function findPack(ctx: Context, id: string, version: number | undefined, field: string): Pack {
  const versions = versionsOf(ctx, id);
  const found = version === undefined ? versions[0] : versions.find((p) => p.pack.version === version);
  if (!found) {
    throw new ApiError({ code: 'not_found', field, message: `${field}: no template pack ${version === undefined ? id : `${id} version ${version}`}` });
  }
  return found.pack;
}

/** A given version if this installation has it, else null (answers then show without their old labels). */
export function packVersionIfKnown(ctx: Context, id: string, version: number): Pack | null {
  return versionsOf(ctx, id).find((p) => p.pack.version === version)?.pack ?? null;
}

export function listPacks(ctx: Context): PackSummary[] {
  const ids = [...new Set(allPacks(ctx).map((p) => p.pack.id))].sort();
  return ids.map((id) => {
    const versions = versionsOf(ctx, id);
    const { pack, builtIn } = versions[0]!;
    return {
      id,
      version: pack.version,
      name: pack.name,
      description: pack.description ?? null,
      topics: pack.topics.length,
      builtIn,
      versions: versions.map((v) => v.pack.version),
    };
  });
}

export function getPack(ctx: Context, input: ParsedInput<'packs.get'>): Pack {
  return findPack(ctx, input.id, input.version, input.version === undefined ? 'id' : 'version');
}

export function importPack(ctx: Context, input: ParsedInput<'packs.import'>): PackSummary {
  const check = checkPack(input.json);
  if (!check.ok) {
    throw new ApiError({
      code: 'invalid_input',
      field: 'json',
      message: `json: the pack has ${check.problems.length} problem${check.problems.length === 1 ? '' : 's'}: ${check.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
      issues: check.problems.map((p) => ({ field: 'json', message: `${p.path}: ${p.message}` })),
    });
  }
  const pack = check.pack;
  const existing = versionsOf(ctx, pack.id).find((p) => p.pack.version === pack.version);
  if (existing && JSON.stringify(existing.pack) !== JSON.stringify(pack)) {
    throw new ApiError({
      code: 'invalid_input',
      field: 'json',
      message: `json: version ${pack.version} of pack "${pack.id}" exists with other content; give the changed pack a higher version`,
    });
  }
  if (!existing) {
    ctx.store.apply(
      changesFor('templatePack', newId(), { packId: pack.id, version: pack.version, content: JSON.stringify(pack), importedAt: ctx.now().toISOString() }),
    );
  }
  return listPacks(ctx).find((p) => p.id === pack.id)!;
}

export function exportPack(ctx: Context, input: ParsedInput<'packs.export'>): { fileName: string; json: string } {
  const pack = getPack(ctx, input);
  return { fileName: `${pack.id}-v${pack.version}.json`, json: `${JSON.stringify(pack, null, 2)}\n` };
}
