// "Capability paste": the consultant pastes what the IMAP server says (`* CAPABILITY IMAP4rev1
// SORT ...`, or a greeting `* OK [CAPABILITY ...] Dovecot ready.`) and gets the capabilities
// ticked. Tokens compare case-insensitively (IMAP atoms are case-insensitive).

export interface ParsedCapabilities {
  /** Of the capabilities asked about, those the server announced, in the asked order. */
  found: string[];
  /** Other tokens the server announced (AUTH=PLAIN, ID, ...), for the record. */
  others: string[];
}

export function parseCapabilities(pasted: string, known: readonly string[]): ParsedCapabilities {
  const tokens: string[] = [];
  for (const line of pasted.split(/\r?\n/)) {
    const m = /CAPABILITY\s+([^\]\r\n]*)/i.exec(line);
    if (m) tokens.push(...m[1]!.trim().split(/\s+/));
  }
  // A bare list without the CAPABILITY keyword is taken as it is.
  if (tokens.length === 0) tokens.push(...pasted.trim().split(/\s+/).filter((t) => t !== '*' && t.toUpperCase() !== 'OK'));
  const announced = new Set(tokens.filter(Boolean).map((t) => t.toUpperCase()));
  const found = known.filter((k) => announced.has(k.toUpperCase()));
  const foundUpper = new Set(found.map((k) => k.toUpperCase()));
  const others = [...announced].filter((t) => !foundUpper.has(t));
  return { found, others };
}
