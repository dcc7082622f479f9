// The documents a project can be exported as, and what the API says about exports.
export const DOCUMENT_KINDS = ['minutes', 'checklist', 'concept', 'status'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

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
  version: number;
  files: ExportedFile[];
}

export interface DocumentExport {
  id: string;
  document: DocumentKind;
  /** The meeting of minutes; null for documents of the whole project. */
  subjectId: string | null;
  version: number;
  language: 'en' | 'de';
  /** Format → SHA-256 of the file made. */
  hashes: Partial<Record<DocumentFormat, string>>;
  author: string;
  /** What changed since the previous version, as the consultant noted it when exporting. */
  changeNote: string;
  createdAt: string;
}
