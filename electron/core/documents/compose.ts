// A document's data as read from the database, and the template that makes it a document model.
// The export reads the data on the core's thread (it needs the database); the template runs with
// the rendering, on the render thread, because for a long document it takes a tenth of a second
// that reads and saves would otherwise wait. So the data is plain data that crosses threads.
import { changeRequestDocument, type ChangeRequestDocInput } from '../../../shared/documents/change-request.ts';
import { checklistDocument, type ChecklistDocInput } from '../../../shared/documents/checklist-doc.ts';
import { conceptDocument, type ConceptInput } from '../../../shared/documents/concept.ts';
import { handoverDocument, type HandoverDocInput } from '../../../shared/documents/handover.ts';
import { lessonsDocument, type LessonsDocInput } from '../../../shared/documents/lessons.ts';
import { minutesDocument, type MinutesInput } from '../../../shared/documents/minutes.ts';
import { trainingDocument, type TrainingDocInput } from '../../../shared/documents/training.ts';
import type { DocumentModel } from '../../../shared/documents/model.ts';
import { sowDocument, type SowDocInput } from '../../../shared/documents/sow.ts';
import { statusReport, type StatusReportInput } from '../../../shared/documents/status-report.ts';
import { systemsDocument, type SystemsDocInput } from '../../../shared/documents/systems.ts';
import { testProtocolDocument, type TestProtocolInput } from '../../../shared/documents/test-protocol.ts';
import { timeReport, type TimeReportInput } from '../../../shared/documents/time-report.ts';
import { translate } from '../../../shared/i18n/index.ts';
import { resultsSections } from '../../../shared/test-results/document.ts';
import type { ImportedResults } from '../../../shared/test-results/types.ts';

export type DocumentSource =
  | { document: 'training'; input: TrainingDocInput }
  | { document: 'lessons'; input: LessonsDocInput }
  | { document: 'checklist'; input: ChecklistDocInput }
  | { document: 'concept'; input: ConceptInput }
  /** The topics' titles by key, in place of a lookup function (functions do not cross threads). */
  | { document: 'status'; input: Omit<StatusReportInput, 'topicTitle'> & { topicTitles: ReadonlyMap<string, string> } }
  | { document: 'minutes'; input: MinutesInput }
  | { document: 'sow'; input: SowDocInput }
  | { document: 'change-request'; input: ChangeRequestDocInput }
  | { document: 'time-report'; input: TimeReportInput }
  /** With the results imported into the run from tools (JMeter, JUnit), oldest first. */
  | { document: 'test-protocol'; input: TestProtocolInput; imports: readonly ImportedResults[] }
  | { document: 'handover'; input: HandoverDocInput }
  | { document: 'systems'; input: SystemsDocInput };

export function composeDocument(source: DocumentSource): DocumentModel {
  switch (source.document) {
    case 'training':
      return trainingDocument(source.input);
    case 'lessons':
      return lessonsDocument(source.input);
    case 'checklist':
      return checklistDocument(source.input);
    case 'concept':
      return conceptDocument(source.input);
    case 'status': {
      const { topicTitles, ...input } = source.input;
      return statusReport({ ...input, topicTitle: (key) => topicTitles.get(key) ?? key });
    }
    case 'minutes':
      return minutesDocument(source.input);
    case 'sow':
      return sowDocument(source.input);
    case 'change-request':
      return changeRequestDocument(source.input);
    case 'time-report':
      return timeReport(source.input);
    case 'test-protocol':
      return testProtocolDocument(source.input, toolSections(source.imports, source.input.language));
    case 'handover':
      return handoverDocument(source.input);
    case 'systems':
      return systemsDocument(source.input);
  }
}

/**
 * The imported results as the protocol's tool section: one chapter of its own, the blocks of
 * `resultsSections` a level up (its own heading becomes the chapter's title).
 */
function toolSections(imports: readonly ImportedResults[], language: TestProtocolInput['language']) {
  const [, ...blocks] = resultsSections(imports, language);
  if (blocks.length === 0) return [];
  return [
    {
      title: translate(language, 'results.heading'),
      blocks: blocks.map((b) => (b.type === 'heading' ? { ...b, level: b.level === 3 ? (2 as const) : b.level } : b)),
    },
  ];
}
