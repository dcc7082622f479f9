// What every document shares around its content: metadata, theme, the cover with logos, key
// facts and revision table, and header and footer with "Page X of Y", from the branding profile
// and the document's language, version, date and author.
import { translate, type Language } from '../i18n/index.ts';
import { formatDay } from '../checklist/show.ts';
import type { DocumentModel, ImageUrl, ZoneField } from './model.ts';

export interface Branding {
  consultancyName: string;
  address: string;
  logo: ImageUrl | null;
  /** Hex colour, `#0b5cad`. */
  accent: string;
  footerText: string;
  confidentiality: string;
}

export const DEFAULT_BRANDING: Branding = { consultancyName: '', address: '', logo: null, accent: '#0b5cad', footerText: '', confidentiality: '' };

export interface Revision {
  version: string;
  date: string;
  author: string;
  change: string;
}

export interface DocumentContext {
  language: Language;
  /** ISO date the document carries. */
  date: string;
  version: number;
  author: string;
  branding: Branding;
  /** Earlier exports of the same document, oldest first; this one is added. */
  revisions: readonly Revision[];
  /** What changed in this version, as the consultant noted it ('' for none). */
  changeNote: string;
}

interface Cover {
  title: string;
  subtitle: string;
  subject: string;
  facts: { label: string; value: string }[];
  customerLogo: ImageUrl | null;
}

/** "Page {page} of {pages}" as header/footer fields. */
function pageFields(template: string): ZoneField[] {
  return template
    .split(/(\{page\}|\{pages\})/)
    .filter(Boolean)
    .map((part) => (part === '{page}' ? { field: 'page' } : part === '{pages}' ? { field: 'pages' } : { text: part }));
}

export function coverOf(ctx: DocumentContext, cover: Cover): Omit<DocumentModel, 'blocks'> {
  const t = (key: Parameters<typeof translate>[1]) => translate(ctx.language, key);
  const version = String(ctx.version);
  const { branding } = ctx;
  return {
    meta: {
      title: cover.title,
      subject: cover.subject,
      author: ctx.author,
      company: branding.consultancyName,
      language: ctx.language,
      version,
      date: ctx.date,
      confidentiality: branding.confidentiality,
      keywords: [cover.subject, cover.subtitle].filter(Boolean),
    },
    theme: { accent: branding.accent, fontSize: 10, pageSize: 'A4' },
    cover: {
      consultancyLogo: branding.logo,
      customerLogo: cover.customerLogo,
      title: cover.title,
      subtitle: cover.subtitle,
      facts: [
        ...cover.facts,
        { label: t('doc.version'), value: version },
        { label: t('doc.date'), value: new Intl.DateTimeFormat(ctx.language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${ctx.date}T00:00:00Z`)) },
        { label: t('doc.author'), value: ctx.author || '–' },
        ...(branding.consultancyName
          ? [{ label: t('doc.preparedBy'), value: [branding.consultancyName, ...branding.address.split(/\n+/)].map((s) => s.trim()).filter(Boolean).join(', ') }]
          : []),
      ],
      revisions: [...ctx.revisions, { version, date: ctx.date, author: ctx.author, change: ctx.changeNote }].map((r, i) => ({
        ...r,
        date: formatDay(ctx.language, r.date),
        change: r.change || t(i === 0 ? 'doc.firstVersion' : 'doc.updated'),
      })),
      revisionColumns: [t('doc.version'), t('doc.date'), t('doc.author'), t('doc.change')],
    },
    header: { left: [{ text: branding.consultancyName }], center: [], right: [{ field: 'title' }] },
    footer: {
      left: [{ text: [branding.footerText, branding.confidentiality].filter(Boolean).join(' · ') }],
      center: [],
      right: pageFields(translate(ctx.language, 'doc.pageOf')),
    },
  };
}
