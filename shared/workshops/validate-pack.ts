// Checking a pack a consultancy brings: the JSON (its syntax, and what JSON.parse passes over in
// silence: a key given twice, nesting too deep, text that is not Unicode), the schema, and what a
// schema cannot say (keys unique, conditions pointing at fields of the same topic with values
// those fields can have, defaults that are valid answers). Every problem is listed with where it is and why, so a pack
// author can fix them all in one go.
import { checkJsonText, locator, type JsonTextProblem } from '../json-check.ts';
import { answerSchema } from './answers.ts';
import { pack as packSchema, type CheckValue, type Condition, type CrossCheck, type Pack, type PackField, type SowTemplate, type TestCaseTemplate, type Topic } from './pack.ts';

export interface PackProblem {
  /** Where in the file: a path such as `topics[2].fields[0].showWhen.field`, or a line and column. */
  path: string;
  message: string;
}

export type PackCheck = { ok: true; pack: Pack } | { ok: false; problems: PackProblem[] };

function pathOf(parts: readonly PropertyKey[]): string {
  return parts.reduce<string>((out, p) => (typeof p === 'number' ? `${out}[${p}]` : out ? `${out}.${String(p)}` : String(p)), '') || '(pack)';
}

/** Line and column of a JSON.parse failure, from the character position V8 reports. */
function syntaxProblem(text: string, error: SyntaxError): PackProblem {
  const at = /position (\d+)/.exec(error.message);
  if (!at) return { path: '(file)', message: `Not valid JSON: ${error.message}` };
  const before = text.slice(0, Number(at[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return { path: `line ${line}, column ${column}`, message: `Not valid JSON: ${error.message.replace(/ in JSON at position \d+.*$/, '')}` };
}

/** A problem of the JSON text at its line and column, with the path of the value it is about. */
function textProblems(text: string, found: readonly JsonTextProblem[]): PackProblem[] {
  const place = locator(text);
  const where = (at: number): string => {
    const { line, column } = place(at);
    return `line ${line}, column ${column}`;
  };
  return found.map((p) => ({
    path: where(p.at),
    message: `${p.message} (at ${pathOf(p.path)}${p.firstAt === undefined ? '' : `; first given on ${where(p.firstAt)}`})`,
  }));
}

function duplicates(keys: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const k of keys) (seen.has(k) ? twice : seen).add(k);
  return twice;
}

function optionValues(f: PackField): string[] | null {
  if (f.type === 'select' || f.type === 'multi') return f.options.map((o) => o.value);
  if (f.type === 'capabilities') return f.capabilities;
  return null;
}

function checkCondition(c: Condition, topic: Topic, self: string | null, at: string, problems: PackProblem[]): void {
  const target = topic.fields.find((f) => f.key === c.field);
  if (!target) {
    problems.push({ path: `${at}.field`, message: `No field "${c.field}" in topic "${topic.key}"` });
    return;
  }
  if (c.field === self) {
    problems.push({ path: `${at}.field`, message: 'A field cannot depend on itself' });
    return;
  }
  const values = optionValues(target);
  if ('includes' in c || 'excludes' in c) {
    const value = 'includes' in c ? c.includes : c.excludes;
    if (target.type !== 'multi' && target.type !== 'capabilities') {
      problems.push({ path: at, message: `"includes" and "excludes" need a multiple-choice or capabilities field; "${c.field}" is ${target.type}` });
    } else if (!values!.includes(value)) {
      problems.push({ path: at, message: `"${value}" is not one of the choices of "${c.field}" (${values!.join(', ')})` });
    }
  }
  if (('equals' in c || 'notEquals' in c) && target.type === 'select') {
    const value = 'equals' in c ? c.equals : c.notEquals;
    if (!values!.includes(String(value))) problems.push({ path: at, message: `"${String(value)}" is not one of the choices of "${c.field}" (${values!.join(', ')})` });
  }
}

function hasCycle(topic: Topic, start: PackField): boolean {
  const byKey = new Map(topic.fields.map((f) => [f.key, f]));
  const seen = new Set<string>();
  let current: PackField | undefined = start;
  while (current?.showWhen) {
    if (seen.has(current.key)) return true;
    seen.add(current.key);
    current = byKey.get(current.showWhen.field);
  }
  return false;
}

function checkTopic(topic: Topic, at: string, problems: PackProblem[]): void {
  const twice = duplicates(topic.fields.map((f) => f.key));
  topic.fields.forEach((f, i) => {
    const fat = `${at}.fields[${i}]`;
    if (twice.has(f.key)) problems.push({ path: `${fat}.key`, message: `Field key "${f.key}" is used more than once in topic "${topic.key}"` });
    const values = optionValues(f);
    if (values) for (const v of duplicates(values)) problems.push({ path: fat, message: `Choice "${v}" is listed more than once` });
    if (f.type === 'table') for (const k of duplicates(f.columns.map((c) => c.key))) problems.push({ path: `${fat}.columns`, message: `Column key "${k}" is used more than once` });
    if (f.type === 'number' && f.min !== undefined && f.max !== undefined && f.min > f.max) problems.push({ path: fat, message: `min (${f.min}) is above max (${f.max})` });
    if ('default' in f && f.default !== undefined) {
      const check = answerSchema(f).safeParse(f.default);
      if (!check.success) problems.push({ path: `${fat}.default`, message: `Not a valid answer for this field: ${check.error.issues[0]!.message}` });
    }
    for (const [name, statement] of [['statement', f.statement], ['statementNo', f.statementNo]] as const) {
      if (!statement) continue;
      if (f.type !== 'bool' && !(['en', 'de'] as const).every((l) => statement[l].includes('{value}'))) {
        problems.push({ path: `${fat}.${name}`, message: 'A statement says where the answer goes with {value}, in every language' });
      }
      if (name === 'statementNo' && f.type !== 'bool') problems.push({ path: `${fat}.statementNo`, message: 'Only a yes/no field has a statement for no' });
    }
    if ((f.type === 'select' || f.type === 'multi') && !f.statement && f.options.some((o) => o.inSentence ?? o.statement)) {
      problems.push({ path: fat, message: 'Choices have a wording for the statement, but the field has no statement' });
    }
    if (f.type === 'multi') f.options.forEach((o, j) => o.statement && problems.push({ path: `${fat}.options[${j}].statement`, message: 'Only a single choice has a sentence per choice; a multiple choice joins its choices in the field\'s statement' }));
    if (f.showWhen) {
      checkCondition(f.showWhen, topic, f.key, `${fat}.showWhen`, problems);
      if (hasCycle(topic, f)) problems.push({ path: `${fat}.showWhen`, message: 'The conditions of these fields depend on each other in a circle' });
    }
  });
  (topic.hints ?? []).forEach((h, i) => h.when.forEach((c, j) => checkCondition(c, topic, null, `${at}.hints[${i}].when[${j}]`, problems)));
}

/** Answers a check can read as a number: numbers, and lists by their count. */
const COUNTABLE: readonly string[] = ['number', 'hostlist', 'multi', 'capabilities'];

function topicOf(key: string, topics: readonly Topic[], path: string, problems: PackProblem[]): Topic | undefined {
  const found = topics.find((t) => t.key === key);
  if (!found) problems.push({ path, message: `No topic "${key}"` });
  return found;
}

/** The field an answer source names, reporting a missing topic or field. */
function sourceField(source: CheckValue, topics: readonly Topic[], path: string, problems: PackProblem[]): PackField | undefined {
  if (!('topic' in source)) return undefined;
  const topic = topicOf(source.topic, topics, `${path}.topic`, problems);
  const field = topic?.fields.find((f) => f.key === source.field);
  if (topic && !field) problems.push({ path: `${path}.field`, message: `No field "${source.field}" in topic "${source.topic}"` });
  return field;
}

function checkFlows(topic: Topic, topics: readonly Topic[], at: string, problems: PackProblem[]): void {
  topic.fields.forEach((f, i) =>
    f.from?.forEach((source, j) => {
      const path = `${at}.fields[${i}].from[${j}]`;
      if ('topic' in source && source.topic === topic.key && source.field === f.key) problems.push({ path, message: 'A field cannot take its value from itself' });
      else sourceField(source, topics, path, problems);
    }),
  );
}

function checkCrossCheck(check: CrossCheck, topics: readonly Topic[], at: string, problems: PackProblem[]): void {
  check.topics.forEach((key, i) => topicOf(key, topics, `${at}.topics[${i}]`, problems));
  for (const side of ['a', 'b'] as const) {
    check.compare?.[side].forEach((value, i) => {
      const path = `${at}.compare.${side}[${i}]`;
      const field = sourceField(value, topics, path, problems);
      if (field && !COUNTABLE.includes(field.type)) problems.push({ path: `${path}.field`, message: `"${field.key}" is ${field.type}; a check compares numbers and counted lists` });
    });
  }
  check.when?.forEach(({ topic, holds }, i) => {
    const found = topicOf(topic, topics, `${at}.when[${i}].topic`, problems);
    if (found) checkCondition(holds, found, null, `${at}.when[${i}].holds`, problems);
  });
  for (const language of ['en', 'de'] as const) {
    const placeholders = check.text[language].match(/\{\w+\}/g) ?? [];
    const allowed = check.compare ? ['{a}', '{b}'] : [];
    for (const p of placeholders) if (!allowed.includes(p)) problems.push({ path: `${at}.text.${language}`, message: `${p} is not a value this check has` });
  }
}

/** An SOW template's payments name milestones it has, and add up to 100 %. */
function checkSowTemplate(template: SowTemplate, at: string, problems: PackProblem[]): void {
  for (const k of duplicates(template.milestones.map((m) => m.key))) problems.push({ path: `${at}.milestones`, message: `Milestone key "${k}" is used more than once` });
  template.payments.forEach((p, i) => {
    if (p.milestone !== undefined && !template.milestones.some((m) => m.key === p.milestone)) {
      problems.push({ path: `${at}.payments[${i}].milestone`, message: `No milestone "${p.milestone}" in this template` });
    }
  });
  const percent = template.payments.reduce((sum, p) => sum + Math.round(p.percent * 100), 0);
  if (template.payments.length > 0 && percent !== 10_000) problems.push({ path: `${at}.payments`, message: `The payments add up to ${percent / 100} %, not 100 %` });
}

/** A test case's topics and conditions name topics and fields the pack has. */
function checkTestCase(template: TestCaseTemplate, topics: readonly Topic[], at: string, problems: PackProblem[]): void {
  template.topics?.forEach((key, i) => topicOf(key, topics, `${at}.topics[${i}]`, problems));
  template.when?.forEach(({ topic, holds }, i) => {
    const found = topicOf(topic, topics, `${at}.when[${i}].topic`, problems);
    if (found) checkCondition(holds, found, null, `${at}.when[${i}].holds`, problems);
  });
}

export function checkPack(text: string): PackCheck {
  const found = checkJsonText(text);
  // Nesting too deep ends the check before JSON.parse builds it: 5 MB of `[` take half a gigabyte.
  if (found.some((p) => p.fatal)) return { ok: false, problems: textProblems(text, found) };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [syntaxProblem(text, error as SyntaxError)] };
  }
  const problems = textProblems(text, found);
  const parsed = packSchema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, problems: [...problems, ...parsed.error.issues.map((i) => ({ path: pathOf(i.path), message: i.message }))] };
  }
  const p = parsed.data;
  for (const k of duplicates(p.topics.map((t) => t.key))) problems.push({ path: 'topics', message: `Topic key "${k}" is used more than once` });
  p.topics.forEach((t, i) => checkTopic(t, `topics[${i}]`, problems));
  p.topics.forEach((t, i) => checkFlows(t, p.topics, `topics[${i}]`, problems));
  (p.checks ?? []).forEach((c, i) => checkCrossCheck(c, p.topics, `checks[${i}]`, problems));
  for (const k of duplicates((p.checks ?? []).map((c) => c.key))) problems.push({ path: 'checks', message: `Check key "${k}" is used more than once` });
  (p.sowTemplates ?? []).forEach((x, i) => checkSowTemplate(x, `sowTemplates[${i}]`, problems));
  for (const k of duplicates((p.sowTemplates ?? []).map((x) => x.key))) problems.push({ path: 'sowTemplates', message: `SOW template key "${k}" is used more than once` });
  (p.testCases ?? []).forEach((x, i) => checkTestCase(x, p.topics, `testCases[${i}]`, problems));
  for (const k of duplicates((p.testCases ?? []).map((x) => x.key))) problems.push({ path: 'testCases', message: `Test case key "${k}" is used more than once` });
  for (const k of duplicates((p.trainingTopics ?? []).map((x) => x.key))) problems.push({ path: 'trainingTopics', message: `Training topic key "${k}" is used more than once` });
  for (const k of duplicates((p.feedbackQuestions ?? []).map((x) => x.key))) problems.push({ path: 'feedbackQuestions', message: `Feedback question key "${k}" is used more than once` });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, pack: p };
}
