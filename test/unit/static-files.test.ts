import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, mimeType, resolveStaticPath } from '../../electron/core/static-files.ts';
import { removeTempDirs, tempDir } from '../support/temp-store.ts';

let root: string;
beforeEach(() => {
  const parent = tempDir();
  root = join(parent, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  writeFileSync(join(root, 'assets', 'app.js'), '');
  writeFileSync(join(parent, 'secret.txt'), 'secret');
});
afterEach(removeTempDirs);

describe('serving the built UI', () => {
  it('maps URL paths to files inside the UI folder', () => {
    expect(resolveStaticPath(root, '/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
    expect(resolveStaticPath(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveStaticPath(root, '/projects/123')).toBe(join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/missing.js')).toBeNull();
    expect(resolveStaticPath(root, '/assets')).toBeNull();
  });

  it.each(['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/assets/%2E%2E/%2e%2e/secret.txt', '/..%5csecret.txt', '/%00index.html', '/%E0%A4%A', '//../secret.txt'])(
    'refuses %s',
    (path) => {
      expect(resolveStaticPath(root, path)).toBeNull();
    },
  );

  it('names MIME types and forbids evaluated or inline script', () => {
    expect(mimeType('a.JS')).toMatch(/javascript/);
    expect(mimeType('x.unknown')).toBe('application/octet-stream');
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-/);
  });
});
