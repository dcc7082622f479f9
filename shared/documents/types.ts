// The documents a project can be exported as, and what the API says about exports.
import type { ApiErrorBody } from '../errors.ts';

export const DOCUMENT_KINDS = ['minutes', 'checklist', 'concept', 'status', 'sow', 'change-request', 'time-report', 'test-protocol', 'handover', 'training', 'lessons', 'systems'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * The documents that list the project's test accounts, and so can carry their secrets when the
 * consultant ticks "include credentials" for one export; every other document never does.
 */
export const CREDENTIAL_DOCUMENTS: readonly DocumentKind[] = ['handover'];

export const DOCUMENT_FORMATS = ['docx', 'pdf'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export interface ExportedFile {
  format: DocumentFormat;
  fileName: string;
  /** The file's bytes, base64: every host carries JSON. */
  base64: string;
  /** SHA-256 of the bytes, hex, as the export history keeps it. */
  sha256: string;
}

export interface ExportResult {
  /** The export's row in the history (documents.publish takes it). */
  id: string;
  version: number;
  files: ExportedFile[];
  /** Where the files went in the shared folder, when publishing was asked for and went through. */
  published?: Publication;
  /** Why publishing, asked for, failed: the export itself is made and recorded all the same. */
  publishError?: ApiErrorBody;
}

/**
 * Where an export was published in the shared folder, from the share's root with / between
 * folders: the same on every device, whatever path each reaches the share by.
 */
export interface Publication {
  folder: string;
  /** File name in the folder, by format. */
  files: Partial<Record<DocumentFormat, string>>;
  /** The manifest's name in the folder: what the files are and which data they were made from. */
  manifest: string;
}

export interface DocumentExport {
  id: string;
  document: DocumentKind;
  /** The meeting of minutes, the SOW version of a statement of work, the change request; null for documents of the whole project. */
  subjectId: string | null;
  version: number;
  language: 'en' | 'de';
  /** Format → SHA-256 of the file made. */
  hashes: Partial<Record<DocumentFormat, string>>;
  author: string;
  /** What changed since the previous version, as the consultant noted it when exporting. */
  changeNote: string;
  createdAt: string;
  /** The latest change the database held when the document was made: which data it shows ('' for exports from before this was kept). */
  madeFrom: string;
  /** Where it was published in the shared folder; null while it is not. */
  published: Publication | null;
  /** Whether the consultant included credentials (their secrets) in this export's files. */
  includesCredentials: boolean;
}
