// Where time is booked, as the time screens show and choose it: an SOW's effort line or a project
// activity, one string per choice for a select ("line:<sow>:<line>", "activity:<id>"), and its name
// in the UI language.
import type { Language } from '../../../../shared/i18n/index.ts';
import { DEFAULT_PROCESS_TEMPLATE, findTemplateActivity } from '../../../../shared/process-template.ts';
import { sowNumber } from '../../../../shared/sows/types.ts';
import type { TimeEntry, TimeTargets } from '../../../../shared/time/types.ts';

export type Target = Pick<TimeEntry, 'sowId' | 'lineId' | 'activityId'>;

export function targetKey(target: Target): string {
  return target.activityId ? `activity:${target.activityId}` : `line:${target.sowId ?? ''}:${target.lineId ?? ''}`;
}

/** The target a select's value names; null for none. */
export function targetOfKey(key: string): Target | null {
  const [kind, a, b] = key.split(':');
  if (kind === 'activity' && a) return { sowId: null, lineId: null, activityId: a };
  if (kind === 'line' && a && b) return { sowId: a, lineId: b, activityId: null };
  return null;
}

export function activityName(activity: TimeTargets['activities'][number], language: Language): string {
  return (activity.templateKey && findTemplateActivity(DEFAULT_PROCESS_TEMPLATE, activity.templateKey)?.title[language]) || activity.title;
}

export const lineName = (line: { role: string; description: string }) => [line.role.trim(), line.description.trim()].filter(Boolean).join(' – ');

/** Every bookable target with its name: the lines of SOWs not rejected, then the activities. */
export function targetOptions(targets: TimeTargets, language: Language): { value: string; label: string }[] {
  return [
    ...targets.sows
      .filter((s) => !s.rejected)
      .flatMap((s) => s.lines.map((l) => ({ value: targetKey({ sowId: s.id, lineId: l.id, activityId: null }), label: `${sowNumber(s.number)} · ${lineName(l)}` }))),
    ...targets.activities.map((a) => ({ value: targetKey({ sowId: null, lineId: null, activityId: a.id }), label: activityName(a, language) })),
  ];
}

/** A target's name, also for lines and activities no longer offered. */
export function targetName(targets: TimeTargets | null, target: Target, language: Language): string {
  const sow = targets?.sows.find((s) => s.id === target.sowId);
  if (target.activityId) {
    const activity = targets?.activities.find((a) => a.id === target.activityId);
    return activity ? activityName(activity, language) : '–';
  }
  const line = sow?.lines.find((l) => l.id === target.lineId);
  return [sow ? sowNumber(sow.number) : null, line ? lineName(line) : null].filter(Boolean).join(' · ') || '–';
}
