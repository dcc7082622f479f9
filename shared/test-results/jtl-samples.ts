// The parts of a JMeter sample both JTL formats share: time stamps as JMeter writes them and the
// Transaction Controller's mark.

/**
 * A Transaction Controller's sample says how many samples it stands for in its response message
 * ("Number of samples in transaction : 3, number of failing samples : 0").
 */
const TRANSACTION_MESSAGE = /^Number of samples in transaction : \d+, number of failing samples : \d+/;

export function isTransactionMessage(message: string): boolean {
  return TRANSACTION_MESSAGE.test(message);
}

const FORMATTED = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[ T](\d{1,2}):(\d{2}):(\d{2})(?:[.,](\d{1,3}))?$/;

/**
 * Milliseconds since the epoch (JMeter's default), or a date written by `timestamp_format` such as
 * `yyyy/MM/dd HH:mm:ss.SSS`; such a date has no zone and is read as UTC, which keeps the spans
 * between samples right. null when it is neither.
 */
export function parseTimeStamp(text: string): number | null {
  const t = text.trim();
  if (/^\d{9,}$/.test(t)) return Number(t);
  const m = FORMATTED.exec(t);
  if (m) {
    const [, y, mo, d, h, mi, s, ms] = m;
    return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number((ms ?? '0').padEnd(3, '0')));
  }
  const parsed = Date.parse(t);
  return /\d{4}/.test(t) && Number.isFinite(parsed) ? parsed : null;
}

/** A whole number of milliseconds (or bytes) as JMeter writes it; null when it is not one. */
export function parseCount(text: string): number | null {
  return /^\s*\d{1,15}\s*$/.test(text) ? Number(text) : null;
}
