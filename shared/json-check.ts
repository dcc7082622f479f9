// What JSON lets through in silence, found without trusting the JSON: nesting deep enough to run
// whatever walks it out of stack (zod, structured cloning) or out of memory (JSON.parse of a
// hundred megabytes of `[`), a key given twice in one object (JSON.parse keeps the last, so a
// value disappears unsaid), and strings with an unpaired UTF-16 surrogate (no character at all:
// UTF-8 cannot carry it, and storing or sending it turns it into U+FFFD). Both readers here work
// with a stack of their own instead of recursion, so no input can make them overflow either.
import { MAX_NESTING } from './limits.ts';

export type JsonPath = (string | number)[];

export interface JsonProblem {
  /** The value the problem is about: object keys and array indices from the top. */
  path: JsonPath;
  message: string;
}

/** A problem found in JSON text, with where it is. */
export interface JsonTextProblem extends JsonProblem {
  /** Where it starts in the text (a UTF-16 index). */
  at: number;
  /** For a key given twice: where it was first given. */
  firstAt?: number;
  /** The problem that ended the reading: nesting too deep. */
  fatal?: boolean;
}

const TOO_DEEP = `Nested more than ${MAX_NESTING} levels deep; no input needs that many`;

/** Why a string that is not well-formed is refused, naming its first unpaired surrogate so that it can be found. */
function unpaired(text: string, subject: 'Contains' | 'The key contains'): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const paired = c >= 0xd800 && c <= 0xdbff ? i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 : false;
    if (paired) i++;
    else if (c >= 0xd800 && c <= 0xdfff) {
      const code = c.toString(16).toUpperCase();
      return `${subject} an unpaired surrogate (U+${code} at character ${i + 1}): that is no character, so it cannot be stored as text`;
    }
  }
  return `${subject} text that is not valid Unicode`;
}

/** Where a key or an index leads: the escaped form of a key that is no text itself, so that the path can be shown. */
const segment = (key: string | number): string | number => (typeof key === 'string' && !key.isWellFormed() ? JSON.stringify(key).slice(1, -1) : key);

/** The path of a problem as the API names fields (`answers.value.0`); the whole input is '(input)'. */
export function fieldOfPath(path: JsonPath): string {
  return path.length === 0 ? '(input)' : path.join('.');
}

interface Frame {
  /** Keys seen in this object and where each was first given; null for an array. */
  keys: Map<string, number> | null;
  /** The key or index of the value being read. */
  at: string | number;
  /** An object expects a key next (after `{` and `,`). */
  expectKey: boolean;
}

/**
 * Reads JSON text for the problems above, in the order they appear, and stops at nesting too deep
 * (marked fatal). Meant for text JSON.parse also reads: on text that is not JSON its findings may
 * be wrong, and JSON.parse says what is wrong with it.
 */
export function checkJsonText(text: string): JsonTextProblem[] {
  const problems: JsonTextProblem[] = [];
  const stack: Frame[] = [];
  const pathHere = (): JsonPath => stack.map((f) => segment(f.at));
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (stack.length >= MAX_NESTING) {
        problems.push({ path: pathHere(), message: TOO_DEEP, at: i, fatal: true });
        return problems;
      }
      stack.push(c === 0x7b ? { keys: new Map(), at: '', expectKey: true } : { keys: null, at: 0, expectKey: false });
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
    } else if (c === 0x2c /* , */) {
      const top = stack.at(-1);
      if (top?.keys) top.expectKey = true;
      else if (top) top.at = (top.at as number) + 1;
    } else if (c === 0x22 /* " */) {
      const end = closingQuote(text, i);
      if (end < 0) return problems;
      const token = text.slice(i, end + 1);
      const top = stack.at(-1);
      // Only an object expects a key, so a key's frame always has its keys.
      const keys = top?.expectKey ? top.keys : null;
      // A key is decoded to be compared. A value only when it may hold a surrogate, written raw or
      // as a \u escape: a 20 MB CSV file full of \n and \" is not decoded twice.
      let value: string;
      try {
        value = token.includes(keys ? '\\' : '\\u') || !token.isWellFormed() ? (JSON.parse(token) as string) : token.slice(1, -1);
      } catch {
        // A bad escape: JSON.parse of the whole text reports it.
        return problems;
      }
      if (top && keys) {
        top.expectKey = false;
        top.at = value;
        if (!value.isWellFormed()) problems.push({ path: pathHere(), message: unpaired(value, 'The key contains'), at: i });
        const first = keys.get(value);
        if (first === undefined) keys.set(value, i);
        else problems.push({ path: pathHere(), message: `The key ${JSON.stringify(value)} is given more than once in this object; JSON would keep only the last`, at: i, firstAt: first });
      } else if (!value.isWellFormed()) {
        problems.push({ path: pathHere(), message: unpaired(value, 'Contains'), at: i });
      }
      i = end;
    }
  }
  return problems;
}

/** The index of the quote that ends the string starting at `start`, or -1 if it does not end. */
function closingQuote(text: string, start: number): number {
  let j = start + 1;
  for (;;) {
    j = text.indexOf('"', j);
    if (j < 0) return -1;
    let backslashes = 0;
    while (text.charCodeAt(j - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return j;
    j++;
  }
}

/** An array or object being read: its keys (null for an array), the next one to read, and its own key. */
interface Open {
  value: object;
  keys: readonly string[] | null;
  next: number;
  key: string | number;
}

/**
 * The first of the problems above in a value that is no longer text (a direct call's input, or
 * one that came through IPC or a thread): nesting too deep, an unpaired surrogate in a string or
 * a key. Objects are read through their own enumerable keys, as JSON and structured cloning do.
 * Only the arrays and objects it is inside are held, so a huge flat array costs no memory here.
 */
export function checkJsonValue(input: unknown): JsonProblem | null {
  const open: Open[] = [];
  const pathOf = (key: string | number): JsonPath => (open.length === 0 ? [] : [...open.slice(1).map((o) => segment(o.key)), segment(key)]);
  // One value: a string is checked, an array or object opened to be read next.
  const look = (value: unknown, key: string | number): JsonProblem | null => {
    if (typeof key === 'string' && !key.isWellFormed()) return { path: pathOf(key), message: unpaired(key, 'The key contains') };
    if (typeof value === 'string') return value.isWellFormed() ? null : { path: pathOf(key), message: unpaired(value, 'Contains') };
    if (typeof value !== 'object' || value === null) return null;
    if (open.length >= MAX_NESTING) return { path: pathOf(key), message: TOO_DEEP };
    open.push({ value, keys: Array.isArray(value) ? null : Object.keys(value), next: 0, key });
    return null;
  };
  let problem = look(input, '');
  while (!problem && open.length > 0) {
    const top = open.at(-1)!;
    if (top.next >= (top.keys ?? (top.value as unknown[])).length) {
      open.pop();
      continue;
    }
    const key = top.keys ? top.keys[top.next]! : top.next;
    top.next++;
    problem = look((top.value as Record<string | number, unknown>)[key], key);
  }
  return problem;
}

/** Line and column (from 1) of places in the text, as an editor counts them; the lines are found once. */
export function locator(text: string): (at: number) => { line: number; column: number } {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return (at) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= at) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: at - lineStarts[low]! + 1 };
  };
}
