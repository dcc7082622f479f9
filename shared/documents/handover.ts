// The handover protocol: what support takes over from the project. Who is in charge on every side
// and whom to escalate to, the installed systems, the test accounts (secrets only when this one
// export includes them), the checklist items still open, known limitations, the test of the
// support ticket process, and the acceptance with a signature for the customer, support and the
// consultancy handing over. Pure: the data in, the document model out.
import { formatDay } from '../checklist/show.ts';
import { formatNumber, type RequirementStatus } from '../checklist/types.ts';
import type { CredentialForDocument } from '../credentials/types.ts';
import type { Customer, IsoDate, Membership, Person, Project } from '../domain.ts';
import type { HandoverDetail } from '../handover/types.ts';
import { translate, type MessageKey, type MessageValues } from '../i18n/index.ts';
import type { Inventory } from '../systems/types.ts';
import { credentialBlocks } from './credentials.ts';
import { systemsBlocks } from './systems.ts';
import { coverOf, type DocumentContext } from './frame.ts';
import { paragraphs, plain, type Block, type DocumentModel } from './model.ts';

/** An open checklist item as the protocol lists it, its responsible person by name. */
export interface OpenItem {
  number: number;
  title: string;
  status: RequirementStatus;
  responsible: string;
  dueDate: IsoDate | null;
}

export interface HandoverDocInput extends DocumentContext {
  project: Project;
  customer: Customer;
  detail: HandoverDetail;
  members: readonly (Membership & { person: Person })[];
  openItems: readonly OpenItem[];
  inventory: Inventory;
  accounts: readonly CredentialForDocument[];
  includeCredentials: boolean;
}


export function handoverDocument(input: HandoverDocInput): DocumentModel {
  const { language, detail } = input;
  const { handover } = detail;
  const t = (key: MessageKey, values?: MessageValues) => translate(language, key, values);
  const day = (date: string | null) => (date ? formatDay(language, date) : '–');
  const blocks: Block[] = [];
  const section = (text: string): void => void blocks.push({ type: 'heading', level: 1, text, numbered: true });
  const contact = (p: Person) => [p.email, p.phone].filter((v) => v.trim() !== '').join(', ');

  section(t('doc.handover.inCharge'));
  blocks.push({ type: 'paragraph', runs: plain(t('doc.handover.inChargeIntro')) });
  if (detail.contacts.length === 0) blocks.push({ type: 'paragraph', runs: plain(t('doc.handover.noContacts')) });
  else {
    blocks.push({
      type: 'table',
      caption: t('doc.handover.escalationCaption'),
      columns: [
        { title: t('doc.handover.level'), width: 0.1 },
        { title: t('doc.handover.person'), width: 0.26 },
        { title: t('doc.handover.side'), width: 0.14 },
        { title: t('handover.responsibilityColumn'), width: 0.24 },
        { title: t('doc.handover.reach'), width: 0.26 },
      ],
      rows: detail.contacts.map((c) => [
        plain(String(c.level)),
        plain([c.person.name, c.person.organisation].filter((v) => v.trim() !== '').join(', ')),
        plain(t(`side.${c.person.side}`)),
        plain(c.responsibility || '–'),
        plain([contact(c.person), c.reach].filter((v) => v.trim() !== '').join('; ') || '–'),
      ]),
    });
  }
  if (input.members.length > 0) {
    blocks.push({
      type: 'table',
      caption: t('doc.handover.peopleCaption'),
      columns: [
        { title: t('doc.handover.person'), width: 0.3 },
        { title: t('doc.handover.side'), width: 0.15 },
        { title: t('doc.handover.role'), width: 0.25 },
        { title: t('doc.handover.reach'), width: 0.3 },
      ],
      rows: input.members.map((m) => [
        plain([m.person.name, m.person.organisation].filter((v) => v.trim() !== '').join(', ')),
        plain(t(`side.${m.person.side}`)),
        plain(m.role || '–'),
        plain(contact(m.person) || '–'),
      ]),
    });
  }

  section(t('doc.handover.systems'));
  // The systems document's chapters, a level down under this one.
  blocks.push(...systemsBlocks(input.inventory, language).map((b) => (b.type === 'heading' ? { ...b, level: b.level === 1 ? (2 as const) : (3 as const), numbered: false } : b)));

  section(t('doc.handover.accounts'));
  blocks.push(...credentialBlocks(input.accounts, language, input.includeCredentials));

  section(t('doc.handover.openItems'));
  if (input.openItems.length === 0) blocks.push({ type: 'paragraph', runs: plain(t('doc.handover.noOpenItems')) });
  else {
    blocks.push({
      type: 'table',
      columns: [
        { title: t('doc.handover.itemNumber'), width: 0.1 },
        { title: t('doc.handover.itemTitle'), width: 0.4 },
        { title: t('doc.handover.itemStatus'), width: 0.15 },
        { title: t('doc.handover.itemResponsible'), width: 0.2 },
        { title: t('doc.handover.itemDue'), width: 0.15 },
      ],
      rows: input.openItems.map((i) => [plain(formatNumber(i.number)), plain(i.title), plain(t(`requirementStatus.${i.status}`)), plain(i.responsible || '–'), plain(day(i.dueDate))]),
    });
  }

  section(t('handover.knownLimitations'));
  blocks.push(...paragraphs(handover.knownLimitations, t('doc.handover.noLimitations')));

  section(t('handover.ticketTest'));
  blocks.push({
    type: 'keyValue',
    rows: [
      { label: t('handover.ticketBy'), value: plain(handover.ticketTestBy || '–') },
      { label: t('handover.ticketOn'), value: plain(day(handover.ticketTestOn)) },
      { label: t('handover.ticketNumber'), value: plain(handover.ticketNumber || '–') },
      { label: t('handover.ticketResult'), value: plain(handover.ticketResult ? t(`handover.ticket.${handover.ticketResult}`) : t('handover.ticketNotYet')) },
    ],
  });
  blocks.push(...paragraphs(handover.ticketNotes));

  section(t('handover.acceptance'));
  const consultancyName = input.branding.consultancyName.trim();
  blocks.push(...paragraphs(handover.acceptanceStatement, t('doc.handover.standardAcceptance', { customer: input.customer.name.trim(), project: input.project.name.trim(), consultancy: consultancyName || t('doc.handover.theConsultancy') })));
  if (handover.acceptedOn) blocks.push({ type: 'paragraph', runs: plain(t('doc.handover.acceptedOn', { name: handover.acceptedBy.trim(), date: day(handover.acceptedOn) })) });
  blocks.push({
    type: 'signatures',
    parties: [
      { organisation: `${t('doc.sow.customerParty')}: ${input.customer.name.trim()}`, name: '', role: t('doc.sow.placeDate') },
      { organisation: t('doc.handover.supportParty'), name: '', role: t('doc.sow.placeDate') },
      { organisation: consultancyName ? `${t('doc.handover.handingOver')}: ${consultancyName}` : t('doc.handover.handingOver'), name: '', role: t('doc.sow.placeDate') },
    ],
  });

  return {
    ...coverOf(input, {
      title: t('doc.handover.title'),
      subtitle: `${input.customer.name} · ${input.project.name}`,
      subject: t('doc.handover.subject'),
      facts: [
        { label: t('doc.customer'), value: input.customer.name },
        { label: t('doc.project'), value: input.project.name },
        { label: t('doc.handover.product'), value: [input.project.product, input.project.productVersion].filter((v) => v.trim() !== '').join(' ') || '–' },
        { label: t('doc.handover.state'), value: detail.missing.length === 0 ? t('handover.complete') : t('handover.stillMissing', { parts: detail.missing.map((m) => t(`handover.missing.${m}`)).join(', ') }) },
      ],
      customerLogo: input.customer.logo,
    }),
    blocks,
  };
}
