// Test protocols: a project's test plan (cases T-001, ... made from the pack and the workshop
// answers, then edited), runs of it with a result per case, evidence, a verdict the consultant
// confirms and the sign-off of both sides that freezes the run. Pure types, shared by the core,
// the window and the document.
import type { Priority } from '../checklist/types.ts';
import type { IsoDate } from '../domain.ts';

export const RESULT_STATUSES = ['untested', 'passed', 'failed', 'blocked', 'retest', 'waived'] as const;
export type ResultStatus = (typeof RESULT_STATUSES)[number];

/** A run is complete when every case has one of these (the reference's "counted as complete"). */
export const FINAL_STATUSES: readonly ResultStatus[] = ['passed', 'failed', 'waived'];
/** What a re-run takes over from a run. */
export const RERUN_STATUSES: readonly ResultStatus[] = ['failed', 'blocked'];

export const ENVIRONMENTS = ['test', 'staging', 'production'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export const VERDICTS = ['approved', 'approved-with-conditions', 'not-approved'] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface TestStep {
  /** What the tester does. */
  action: string;
  expected: string;
}

export interface TestCase {
  id: string;
  projectId: string;
  /** Per project, from 1; shown as T-001. */
  number: number;
  formerNumbers: number[];
  /** Place in the plan, from 1. */
  position: number;
  /** The pack's case it was made from; null for a case the consultant added. */
  templateKey: string | null;
  title: string;
  preconditions: string;
  steps: TestStep[];
  priority: Priority;
  topicKeys: string[];
  requirementIds: string[];
}

export interface Signatory {
  name: string;
  role: string;
  organisation: string;
  date: IsoDate;
}
/** Both sides sign: the customer's and the consultancy's (as on an SOW). */
export interface SignOff {
  customer: Signatory;
  consultancy: Signatory;
}

export interface TestRun {
  id: string;
  projectId: string;
  name: string;
  build: string;
  environment: Environment;
  startDate: IsoDate | null;
  endDate: IsoDate | null;
  tester: string;
  /** The run this one re-runs the failed and blocked cases of. */
  previousRunId: string | null;
  verdict: Verdict | null;
  verdictNote: string;
  verdictBy: string;
  verdictOn: IsoDate | null;
  /** Both sides' signatories; null until signed, and from then on the run is frozen. */
  signOff: SignOff | null;
  createdAt: string;
}

export interface EvidenceSummary {
  id: string;
  resultId: string;
  name: string;
  mediaType: string;
  bytes: number;
  createdAt: string;
}

/** One case in one run: the case as it was when the run started, and what the run found. */
export interface TestResult {
  id: string;
  runId: string;
  caseId: string;
  position: number;
  caseNumber: number;
  title: string;
  preconditions: string;
  steps: TestStep[];
  priority: Priority;
  status: ResultStatus;
  /** The actual result per step, in the steps' order. */
  actual: string[];
  comment: string;
  elapsedSeconds: number | null;
  defectRef: string;
  /** The checklist item a failure put on the list. */
  requirementId: string | null;
  testedAt: string | null;
  evidence: EvidenceSummary[];
}

export type StatusCounts = Record<ResultStatus, number>;

export interface RunSummary {
  total: number;
  counts: StatusCounts;
  /** Cases with a final result (passed, failed, waived). */
  done: number;
  complete: boolean;
  /** What the results suggest; the consultant confirms a verdict of their own. */
  suggestedVerdict: Verdict | null;
}

export interface TestRunSummary extends TestRun {
  summary: RunSummary;
  /** The later signed run that replaces this signed one. */
  supersededBy: string | null;
}

export interface TestRunDetail {
  run: TestRun;
  results: TestResult[];
  summary: RunSummary;
  supersededBy: { id: string; name: string } | null;
}

export interface EvidenceFile extends EvidenceSummary {
  /** The file as a data URL (data:<type>;base64,...). */
  dataUrl: string;
}

export function testCaseNumber(n: number): string {
  return `T-${String(n).padStart(3, '0')}`;
}
