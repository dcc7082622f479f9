// Documents: the consultancy's branding (one row) and the history of exported documents.
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { DocumentFormat, DocumentKind, Publication } from '../../../../shared/documents/types.ts';
import { LANGUAGES } from '../../../../shared/i18n/index.ts';
import { deleted, id } from './columns.ts';

export const branding = sqliteTable('branding', {
  id: id(),
  consultancyName: text('consultancy_name').notNull().default(''),
  address: text('address').notNull().default(''),
  logo: text('logo'),
  accent: text('accent').notNull().default('#0b5cad'),
  footerText: text('footer_text').notNull().default(''),
  confidentiality: text('confidentiality').notNull().default(''),
  deleted: deleted(),
});

export const documentExport = sqliteTable('document_export', {
  id: id(),
  projectId: text('project_id').notNull().default(''),
  // Every export names its document; the empty default only lets a change upsert a row.
  document: text('document').notNull().default('').$type<DocumentKind>(),
  // The meeting of minutes; null for the project's documents.
  subjectId: text('subject_id'),
  version: integer('version').notNull().default(0),
  formats: text('formats', { mode: 'json' }).notNull().$type<DocumentFormat[]>().default([]),
  language: text('language', { enum: LANGUAGES }).notNull().default('en'),
  // SHA-256 of each file made, by format.
  hashes: text('hashes', { mode: 'json' }).notNull().$type<Partial<Record<DocumentFormat, string>>>().default({}),
  author: text('author').notNull().default(''),
  changeNote: text('change_note').notNull().default(''),
  createdAt: text('created_at').notNull().default(''),
  // The latest change-log stamp the database held when the document was made: which data it shows.
  madeFrom: text('made_from').notNull().default(''),
  // Where it was published in the shared folder (relative to the share's root); null while not.
  published: text('published', { mode: 'json' }).$type<Publication>(),
  // Whether the consultant ticked "include credentials" for this export: its files carry secrets.
  includesCredentials: integer('includes_credentials', { mode: 'boolean' }).notNull().default(false),
  deleted: deleted(),
});
