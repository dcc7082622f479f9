// What an answer to each kind of field looks like, checked at the API boundary, and when a field
// counts as answered. Answers travel as JSON values; null clears an answer.
import { z } from 'zod';
import { isoDate } from '../iso-date.ts';
import type { PackField, TableColumn } from './pack.ts';

export type TableRow = Record<string, string | number | boolean | null>;
export type AnswerValue = string | number | boolean | string[] | TableRow[] | null;
export type Answers = Record<string, AnswerValue>;

// A host name (RFC 1123 labels) or an IPv4 / IPv6 address, optionally with a port.
const HOSTNAME = /^(?=.{1,253}(?::\d{1,5})?$)([a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*(?::\d{1,5})?$/;
const IPV6 = /^\[?[0-9a-fA-F:]+(?:%\w+)?\]?(?::\d{1,5})?$/;
export const isHost = (value: string): boolean => HOSTNAME.test(value) || (value.includes(':') && IPV6.test(value) && value.split(':').length > 2);

const hostMessage = 'Expected a host name or address, such as mx1.example.com or 10.0.0.5';
const host = z.string().trim().max(300).refine(isHost, { message: hostMessage, params: { reason: 'hostname' } });
const imageUrl = z
  .string()
  .max(3_000_000, 'Image is larger than 2 MB')
  .refine((v) => /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*$/.test(v), { message: 'Expected a PNG or JPEG image', params: { reason: 'image' } });

function numberSchema(f: { min?: number | undefined; max?: number | undefined; integer?: boolean | undefined }) {
  let n = f.integer ? z.number().int() : z.number();
  if (f.min !== undefined) n = n.min(f.min);
  if (f.max !== undefined) n = n.max(f.max);
  return n;
}

function oneOf(values: readonly string[]) {
  return z.string().refine((v) => values.includes(v), { message: `Expected one of: ${values.join(', ')}`, params: { reason: 'choice' } });
}

type Cell = TableRow[string];

/** A table cell; an empty cell is null, and a cell left out of a row reads as empty. */
function cellSchema(column: TableColumn): z.ZodType<Cell> {
  const cell = ((): z.ZodType<Cell> => {
    switch (column.type) {
      case 'text':
        return z.string().max(2_000);
      case 'number':
        return z.number();
      case 'bool':
        return z.boolean();
      case 'select':
        return oneOf(column.options.map((o) => o.value));
    }
  })();
  return cell.nullable().default(null);
}

/** The schema an answer to this field must satisfy (null always clears). */
export function answerSchema(f: PackField): z.ZodType<AnswerValue> {
  const value = ((): z.ZodType<AnswerValue> => {
    switch (f.type) {
      case 'text':
        if (f.format === 'hostname') return host;
        if (f.format === 'email') return z.email('Expected an e-mail address');
        if (f.format === 'url') return z.url('Expected a web address such as https://example.com');
        return z.string().max(2_000);
      case 'longtext':
        return z.string().max(50_000);
      case 'number':
        return numberSchema(f);
      case 'bool':
        return z.boolean();
      case 'select':
        return oneOf(f.options.map((o) => o.value));
      case 'multi':
        return z.array(oneOf(f.options.map((o) => o.value))).max(f.options.length);
      case 'date':
        return isoDate;
      case 'person':
        return z.string().min(1);
      case 'hostlist':
        return z.array(host).max(500);
      case 'table':
        return z.array(z.strictObject(Object.fromEntries(f.columns.map((c) => [c.key, cellSchema(c)])))).max(1_000);
      case 'capabilities':
        return z.array(oneOf(f.capabilities)).max(f.capabilities.length);
      case 'image':
        return imageUrl;
    }
  })();
  return value.nullable();
}

/** Whether a value counts as an answer (for completeness and conditions). */
export function isAnswered(value: AnswerValue | undefined): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}
