// The UI's text and addresses: both languages say the same things with the same placeholders,
// and every screen's address reads back as that screen.
import { describe, expect, it } from 'vitest';
import { de } from '../../shared/i18n/de.ts';
import { en } from '../../shared/i18n/en.ts';
import { translate } from '../../shared/i18n/index.ts';
import { parseRoute, routeHash, type Route } from '../../renderer/src/state/route.ts';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe('UI text', () => {
  it('has the same placeholders in German as in English, and no German text left empty or English', () => {
    for (const [key, english] of Object.entries(en)) {
      const german = de[key as keyof typeof en];
      expect(placeholders(german), key).toEqual(placeholders(english));
      expect(german.trim(), key).not.toBe('');
    }
    // Words that are the same in both languages (names, Go/No-Go) are few; most must differ.
    const same = Object.keys(en).filter((k) => en[k as keyof typeof en] === de[k as keyof typeof en]);
    expect(same.length).toBeLessThan(Object.keys(en).length / 10);
  });

  it('fills placeholders and leaves an unknown one visible', () => {
    expect(translate('de', 'project.moveTo', { phase: 'Konzeption' })).toBe('Weiter zu: Konzeption');
    expect(translate('en', 'projects.progress', { settled: 3 })).toBe('3 of {total}');
  });
});

describe('screen addresses', () => {
  const routes: Route[] = [
    { view: 'projects' },
    { view: 'project', id: '019a0000-0000-7000-8000-000000000001' },
    { view: 'workshops', projectId: '019a0000-0000-7000-8000-000000000001', topicKey: null },
    { view: 'workshops', projectId: '019a0000-0000-7000-8000-000000000001', topicKey: 'load-balancing' },
    { view: 'meetings', projectId: '019a0000-0000-7000-8000-000000000001', meetingId: null, statusCall: false },
    { view: 'meetings', projectId: '019a0000-0000-7000-8000-000000000001', meetingId: '019a0000-0000-7000-8000-000000000004', statusCall: false },
    { view: 'meetings', projectId: '019a0000-0000-7000-8000-000000000001', meetingId: '019a0000-0000-7000-8000-000000000004', statusCall: true },
    { view: 'checklist', projectId: '019a0000-0000-7000-8000-000000000001', itemId: null },
    { view: 'checklist', projectId: '019a0000-0000-7000-8000-000000000001', itemId: '019a0000-0000-7000-8000-000000000005' },
    { view: 'sows', projectId: '019a0000-0000-7000-8000-000000000001', sowId: null },
    { view: 'sows', projectId: '019a0000-0000-7000-8000-000000000001', sowId: '019a0000-0000-7000-8000-000000000006' },
    { view: 'changeRequests', projectId: '019a0000-0000-7000-8000-000000000001', changeRequestId: null },
    { view: 'changeRequests', projectId: '019a0000-0000-7000-8000-000000000001', changeRequestId: '019a0000-0000-7000-8000-000000000007' },
    { view: 'time', projectId: '019a0000-0000-7000-8000-000000000001' },
    { view: 'budget', projectId: '019a0000-0000-7000-8000-000000000001' },
    { view: 'credentials', projectId: '019a0000-0000-7000-8000-000000000001' },
    { view: 'customers', id: null },
    { view: 'customers', id: '019a0000-0000-7000-8000-000000000002' },
    { view: 'people', id: null },
    { view: 'branding' },
    { view: 'sync' },
    { view: 'people', id: '019a0000-0000-7000-8000-000000000003' },
  ];

  it.each(routes)('%j reads back from its hash', (route) => {
    expect(parseRoute(routeHash(route))).toEqual(route);
  });

  it('sends anything unknown to the project list', () => {
    expect(parseRoute('')).toEqual({ view: 'projects' });
    expect(parseRoute('#/nonsense/1')).toEqual({ view: 'projects' });
    expect(parseRoute('#/project/')).toEqual({ view: 'projects' });
  });
});
