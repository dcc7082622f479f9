// The test accounts of a document (the handover): a table of service, host and user name, the
// secret column only when the consultant included credentials in this one export; otherwise a line
// saying the secrets are left out and where to get them. Pure: the accounts in, blocks out.
import type { CredentialForDocument } from '../credentials/types.ts';
import { translate, type Language } from '../i18n/index.ts';
import { plain, type Block } from './model.ts';

export function credentialBlocks(accounts: readonly CredentialForDocument[], language: Language, included: boolean): Block[] {
  const t = (key: Parameters<typeof translate>[1]) => translate(language, key);
  if (accounts.length === 0) return [{ type: 'paragraph', runs: plain(t('doc.credentials.none')) }];
  const columns = [
    { title: t('doc.credentials.service'), width: included ? 0.26 : 0.36 },
    { title: t('doc.credentials.host'), width: included ? 0.28 : 0.36 },
    { title: t('doc.credentials.user'), width: included ? 0.22 : 0.28 },
    ...(included ? [{ title: t('doc.credentials.secret'), width: 0.24 }] : []),
  ];
  const rows = accounts.map((a) => [plain(a.service), plain(a.host || '–'), plain(a.userName || '–'), ...(included ? [plain(a.secret || '–')] : [])]);
  const table: Block = { type: 'table', columns, rows };
  return included ? [table] : [table, { type: 'paragraph', runs: [{ text: t('doc.credentials.leftOut'), italic: true }] }];
}
