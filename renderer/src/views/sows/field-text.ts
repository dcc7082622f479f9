// How the fields of an SOW and its parts are called and how their values read, in the UI
// language: the editor's labels and the version comparison use the same words.
import type { MessageKey } from '../../../../shared/i18n/index.ts';
import { formatAmount, formatDays, formatPercent, type Currency } from '../../../../shared/money.ts';
import type { DiffValue } from '../../../../shared/sows/diff.ts';
import { formatDate, type Translate } from '../../i18n.ts';
import type { Language } from '../../../../shared/i18n/index.ts';

const LABELS: Record<string, MessageKey> = {
  title: 'sow.title',
  frameworkAgreement: 'sow.frameworkAgreement',
  date: 'sow.date',
  currency: 'sow.currency',
  background: 'sow.background',
  objectives: 'sow.objectives',
  scopeIn: 'sow.scopeIn',
  scopeOut: 'sow.scopeOut',
  acceptanceProcedure: 'sow.acceptanceProcedure',
  assumptions: 'sow.assumptions',
  dependencies: 'sow.dependencies',
  changeControl: 'sow.changeControl',
  validUntil: 'sow.validUntil',
  discountBasisPoints: 'sow.discountPercent',
  expensesMode: 'sow.expensesMode',
  expensesMinor: 'sow.expensesAmount',
  expensesTrips: 'sow.expensesTrips',
  paymentMode: 'sow.paymentMode',
  acceptanceCriteria: 'sow.acceptanceCriteria',
  dueDate: 'sow.dueDate',
  side: 'sow.side',
  role: 'sow.role',
  responsibilities: 'sow.responsibilities',
  description: 'sow.description',
  dayHundredths: 'sow.days',
  rateMinor: 'sow.dailyRate',
  label: 'sow.paymentLabel',
  percentBasisPoints: 'sow.share',
  milestone: 'sow.milestone',
};

export function fieldLabel(t: Translate, field: string): string {
  const key = LABELS[field];
  return key ? t(key) : field;
}

/** A stored value as it reads: amounts, days, shares and dates in the language's form, choices translated. */
export function valueText(t: Translate, language: Language, currency: Currency, field: string, value: DiffValue): string {
  if (value === null || value === '') return '–';
  if (typeof value === 'number') {
    if (field === 'dayHundredths') return formatDays(value, language);
    if (field === 'rateMinor' || field === 'expensesMinor') return `${formatAmount(value, currency, language)} ${currency}`;
    if (field === 'percentBasisPoints' || field === 'discountBasisPoints') return formatPercent(value, language);
    return String(value);
  }
  if (field === 'date' || field === 'validUntil' || field === 'dueDate') return formatDate(language, value) ?? value;
  if (field === 'expensesMode') return t(`sow.expensesMode.${value as 'none' | 'flat' | 'perTrip'}`);
  if (field === 'paymentMode') return t(`sow.paymentMode.${value as 'milestone' | 'monthly'}`);
  if (field === 'side') return t(`side.${value as 'customer' | 'consultancy' | 'partner'}`);
  return value;
}
