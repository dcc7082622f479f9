// An answer as plain text, for answers the form no longer has a field for.
import type { AnswerValue } from '../../../../shared/workshops/answers.ts';

export function formatAnswer(value: AnswerValue): string {
  if (value === null) return '';
  if (Array.isArray(value)) {
    return value.map((v) => (typeof v === 'object' && v !== null ? Object.values(v).filter((c) => c !== null).join(' · ') : String(v))).join('; ');
  }
  return String(value);
}
