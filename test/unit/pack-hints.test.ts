// A field's label and help must promise what its answer check accepts: a field that takes only an
// e-mail address says so in both languages, and no hint offers an image format the check refuses.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { de } from '../../shared/i18n/de.ts';
import { en } from '../../shared/i18n/en.ts';
import { LANGUAGES } from '../../shared/i18n/index.ts';
import type { PackField } from '../../shared/workshops/pack.ts';
import { checkPack } from '../../shared/workshops/validate-pack.ts';

const checked = checkPack(readFileSync(new URL('../../resources/packs/ox-app-suite.json', import.meta.url), 'utf8'));
if (!checked.ok) throw new Error(`The bundled pack does not pass its checks: ${JSON.stringify(checked.problems)}`);
const fields: PackField[] = checked.pack.topics.flatMap((topic) => topic.fields);

/** Image formats people might offer; the answer check and the logo upload take only PNG and JPEG. */
const REFUSED_IMAGE_FORMATS = /\b(SVG|GIF|WebP|BMP|TIFF?|HEIC|AVIF)\b/i;

describe('the bundled pack and the UI text promise what the checks accept', () => {
  it('says "e-mail" in the label or help of every field that takes only an e-mail address', () => {
    const emailFields = fields.filter((f) => f.type === 'text' && f.format === 'email');
    expect(emailFields.map((f) => f.key)).toContain('aboutContact');
    for (const field of emailFields) {
      for (const language of LANGUAGES) {
        const text = `${field.label[language]} ${field.help?.[language] ?? ''}`;
        expect(text, `${field.key} (${language})`).toMatch(/\be-mail\b/i);
      }
    }
  });

  it('offers no image format other than PNG and JPEG', () => {
    const images = fields.filter((f) => f.type === 'image');
    expect(images.length).toBeGreaterThan(0);
    for (const field of images) {
      for (const language of LANGUAGES) expect(`${field.label[language]} ${field.help?.[language] ?? ''}`, `${field.key} (${language})`).not.toMatch(REFUSED_IMAGE_FORMATS);
    }
    for (const [key, text] of [...Object.entries(en), ...Object.entries(de)]) expect(text, key).not.toMatch(REFUSED_IMAGE_FORMATS);
  });
});
