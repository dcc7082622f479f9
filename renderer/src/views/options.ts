// Choice lists for selects, labelled in the UI language.
import { ACTIVITY_STATUSES, GATE_DECISIONS, PHASES, PROJECT_STATUSES, SIDES } from '../../../shared/domain.ts';
import type { Option } from '../components/fields.tsx';
import type { Translate } from '../i18n.ts';

export const phaseOptions = (t: Translate): Option[] => PHASES.map((p) => ({ value: p, label: t(`phase.${p}`) }));
export const projectStatusOptions = (t: Translate): Option[] => PROJECT_STATUSES.map((s) => ({ value: s, label: t(`projectStatus.${s}`) }));
export const activityStatusOptions = (t: Translate): Option[] => ACTIVITY_STATUSES.map((s) => ({ value: s, label: t(`activityStatus.${s}`) }));
export const gateOptions = (t: Translate): Option[] => GATE_DECISIONS.map((d) => ({ value: d, label: t(`gate.${d}`) }));
export const sideOptions = (t: Translate): Option[] => SIDES.map((s) => ({ value: s, label: t(`side.${s}`) }));

/** A filter's "no restriction" entry. */
export const ANY = '';
