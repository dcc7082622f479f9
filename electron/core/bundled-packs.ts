// The template packs that ship with the app, read once at start from resources/packs. A bundled
// pack that fails the checks is a defect of this build: opening refuses with the problems listed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPack } from '../../shared/workshops/validate-pack.ts';
import type { Pack } from '../../shared/workshops/pack.ts';

export function loadBundledPacks(resourcesDir: string): Pack[] {
  const dir = join(resourcesDir, 'packs');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const check = checkPack(readFileSync(join(dir, file), 'utf8'));
      if (!check.ok) throw new Error(`Bundled pack ${file} is invalid: ${check.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
      return check.pack;
    });
}
