// A change request as a document for both parties to sign: what it changes (the SOW and its
// version), who asked and why, its impact on effort (days per role at the SOW's rates, priced
// exactly), on dates and on scope, what it does to the SOW's budget, where it came from, its
// status, and a signature block for each party. Pure: the data in, the document model out.
import { formatDay } from '../checklist/show.ts';
import { formatNumber as itemNumber } from '../checklist/types.ts';
import { changeRequestNumber, type ChangeRequestDetail } from '../change-requests/types.ts';
import type { Customer, Project } from '../domain.ts';
import { translate, type MessageKey, type MessageValues } from '../i18n/index.ts';
import { formatAmount, formatDays, formatMoney } from '../money.ts';
import { sowNumber } from '../sows/types.ts';
import { coverOf, type DocumentContext } from './frame.ts';
import { paragraphs, plain, type Block, type DocumentModel, type Run } from './model.ts';

export interface ChangeRequestDocInput extends DocumentContext {
  project: Project;
  customer: Customer;
  detail: ChangeRequestDetail;
  /** The SOW's budget without this change: its effort lines and the other approved change requests. */
  budgetWithout: { dayHundredths: number; feesMinor: number };
}


export function changeRequestDocument(input: ChangeRequestDocInput): DocumentModel {
  const { language, detail } = input;
  const { changeRequest: cr, sow, impact } = detail;
  const t = (key: MessageKey, values?: MessageValues) => translate(language, key, values);
  const money = (minor: number) => formatMoney(minor, sow.currency, language);
  const amount = (minor: number) => formatAmount(minor, sow.currency, language);
  const days = (hundredths: number) => formatDays(hundredths, language);
  const day = (date: string | null) => (date ? formatDay(language, date) : '–');
  const number = changeRequestNumber(cr.number);
  const sowName = sowNumber(sow.number);
  const strong = (text: string): Run[] => [{ text, bold: true }];

  const blocks: Block[] = [];
  const section = (text: string): void => void blocks.push({ type: 'heading', level: 1, text, numbered: true });

  section(t('doc.cr.reference'));
  const origin = detail.requirement
    ? t('cr.fromRequirement', { number: itemNumber(detail.requirement.number), title: detail.requirement.title })
    : detail.decision
      ? t('cr.fromDecision', { meeting: detail.decision.meetingTitle.trim() || t('meetingKind.other'), date: day(detail.decision.date), text: detail.decision.text })
      : null;
  blocks.push({
    type: 'keyValue',
    rows: [
      { label: t('cr.number'), value: plain(number) },
      { label: t('cr.sow'), value: plain(t('doc.cr.sowVersion', { number: sowName, title: sow.title, version: sow.version })) },
      { label: t('cr.requestedBy'), value: plain(detail.requestedBy ? [detail.requestedBy.name.trim(), detail.requestedBy.organisation.trim()].filter(Boolean).join(', ') : '–') },
      { label: t('doc.cr.requestedOn'), value: plain(day(cr.createdAt.slice(0, 10))) },
      { label: t('cr.status'), value: plain(cr.status === 'proposed' ? t('crStatus.proposed') : t('cr.decidedAs', { status: t(`crStatus.${cr.status}`), name: cr.decidedBy.trim(), date: day(cr.decidedOn) })) },
      ...(origin ? [{ label: t('cr.origin'), value: plain(origin) }] : []),
    ],
  });

  section(t('cr.description'));
  blocks.push(...paragraphs(cr.description, t('doc.cr.none')));
  section(t('cr.reason'));
  blocks.push(...paragraphs(cr.reason, t('doc.cr.none')));

  section(t('cr.effort'));
  if (impact.lines.length === 0) blocks.push({ type: 'paragraph', runs: plain(t('doc.cr.noEffort')) });
  else {
    blocks.push({
      type: 'table',
      columns: [
        { title: t('cr.role'), width: 0.4 },
        { title: t('cr.days'), width: 0.18 },
        { title: `${t('cr.rate')} (${sow.currency})`, width: 0.2 },
        { title: `${t('cr.amount')} (${sow.currency})`, width: 0.22 },
      ],
      rows: [
        ...impact.lines.map((l) => [plain(l.role), plain(days(l.dayHundredths)), plain(amount(l.rateMinor)), plain(amount(l.totalMinor))]),
        [strong(t('doc.cr.totalRow')), strong(days(impact.dayHundredths)), plain(''), strong(money(impact.totalMinor))],
      ],
    });
    blocks.push({ type: 'paragraph', runs: [{ text: t('doc.sow.netNote'), italic: true }] });
  }
  section(t('cr.datesImpact'));
  blocks.push(...paragraphs(cr.datesImpact, t('doc.cr.none')));
  section(t('cr.scopeImpact'));
  blocks.push(...paragraphs(cr.scopeImpact, t('doc.cr.none')));

  section(t('doc.cr.budget'));
  const { budgetWithout } = input;
  const both = (d: number, m: number) => plain(t('doc.cr.daysAmount', { days: days(d), amount: money(m) }));
  blocks.push({
    type: 'keyValue',
    rows: [
      { label: t('doc.cr.budgetBefore', { sow: sowName }), value: both(budgetWithout.dayHundredths, budgetWithout.feesMinor) },
      { label: t('doc.cr.budgetChange'), value: both(impact.dayHundredths, impact.totalMinor) },
      { label: t('doc.cr.budgetAfter', { sow: sowName }), value: both(budgetWithout.dayHundredths + impact.dayHundredths, budgetWithout.feesMinor + impact.totalMinor) },
    ],
  });

  section(t('doc.cr.approval'));
  blocks.push({ type: 'paragraph', runs: plain(t('doc.cr.approvalText', { sow: sowName })) });
  const consultancy = input.branding.consultancyName.trim() || '–';
  blocks.push({
    type: 'signatures',
    parties: [
      { organisation: `${t('doc.sow.customerParty')}: ${input.customer.name.trim()}`, name: '', role: t('doc.sow.placeDate') },
      { organisation: `${t('doc.sow.contractorParty')}: ${consultancy}`, name: '', role: t('doc.sow.placeDate') },
    ],
  });

  return {
    ...coverOf(input, {
      title: `${number}: ${cr.title}`,
      subtitle: `${input.customer.name} · ${input.project.name}`,
      subject: t('doc.cr.subject'),
      facts: [
        { label: t('doc.customer'), value: input.customer.name },
        { label: t('doc.project'), value: input.project.name },
        { label: t('cr.sow'), value: t('doc.cr.sowVersion', { number: sowName, title: sow.title, version: sow.version }) },
        { label: t('cr.status'), value: t(`crStatus.${cr.status}`) },
        { label: t('cr.amount'), value: money(impact.totalMinor) },
      ],
      customerLogo: input.customer.logo,
    }),
    blocks,
  };
}
