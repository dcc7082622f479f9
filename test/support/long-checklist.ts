// A project whose checklist exports as a document of about 100 pages, for tests and benchmarks of
// long work: 1,500 items through the CSV import, as a consultant would bring them in.
import { writeCsv } from '../../shared/csv.ts';
import type { Customer, ProjectDetail } from '../../shared/domain.ts';

export const LONG_CHECKLIST_ITEMS = 1_500;

type Call = (method: string, input: unknown) => unknown;

export const CHECKLIST_MAPPING = ['title', 'description', 'category', 'status', 'dueDate'] as const;

export function checklistCsv(items: number): string {
  const rows = [['Title', 'Description', 'Category', 'Status', 'Due date']];
  for (let i = 1; i <= items; i++) {
    rows.push([
      `Prüfung ${i}: Firewall für IMAPS und Größe der Postfächer`,
      i % 3 === 0 ? 'Zeile 1\nZeile 2; mit Trennern' : '',
      ['Storage', 'Network', 'Mail', 'Migration'][i % 4]!,
      ['Open', 'In progress', 'Done'][i % 3]!,
      `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    ]);
  }
  return writeCsv(rows, ',');
}

/** Creates the customer and project with a checklist of `items` items; returns the project's id. */
export async function seedLongChecklist(call: Call, items = LONG_CHECKLIST_ITEMS): Promise<string> {
  const customer = (await call('customers.create', { name: 'Stadtwerke Nordhafen' })) as Customer;
  const { project } = (await call('projects.create', { customerId: customer.id, name: 'Webmail' })) as ProjectDetail;
  await call('requirements.import', { projectId: project.id, csv: checklistCsv(items), mapping: CHECKLIST_MAPPING });
  return project.id;
}

/** The input of the checklist's export as PDF (and DOCX when asked). */
export function longExport(projectId: string, formats: ('pdf' | 'docx')[] = ['pdf']): { projectId: string; document: 'checklist'; formats: ('pdf' | 'docx')[]; language: 'de' } {
  return { projectId, document: 'checklist', formats, language: 'de' };
}
