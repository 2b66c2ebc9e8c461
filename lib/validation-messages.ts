// The words of Beatwatch's own checks in lib/schema.ts (zod's built-in checks have zod's words, which the options page
// localizes with zod's locales). A check's message is its English text below; what a reader is shown goes by its code
// through the UI messages (public/_locales: `validation` + the code, capitalised), as backup-errors.ts does for a
// backup's problems. tests/unit/backup/backup-errors.test.ts keeps the English texts and the English messages equal.

/** The English text of each check; `$1` is its detail. */
export const VALIDATION_TEXTS = {
  topicId: 'a topic id is 1–$1 lowercase letters, digits or dashes',
  topicName: 'a topic needs a name',
  topicNameLong: 'a topic name has at most $1 characters',
  topicQuery: 'a topic needs a query',
  queryLong: 'a query has at most $1 characters',
  articleId: 'not an article id',
  httpUrl: 'expected an http(s) URL',
  captureId: 'not a capture id',
  elementPath: 'an element path such as /html[1]/body[1]/p[2]',
  highlightId: 'not a highlight id',
  noteLong: 'a note has at most $1 characters',
} as const;

export type ValidationCode = keyof typeof VALIDATION_TEXTS;

/** A check that failed, by code, with its detail. */
export interface ValidationProblem {
  code: ValidationCode;
  details: readonly number[];
}

const byText = new Map<string, ValidationProblem>();

/** The message a schema check gives (English), remembered so that a failure can be told by its code. */
export function validationMessage(code: ValidationCode, ...details: number[]): string {
  const text = VALIDATION_TEXTS[code].replace(/\$(\d)/g, (whole, n: string) => {
    const detail = details[Number(n) - 1];
    return detail === undefined ? whole : String(detail);
  });
  byText.set(text, { code, details });
  return text;
}

/** Which of Beatwatch's checks gave this message, if one did (else it is zod's own words). */
export function validationOf(message: string): ValidationProblem | undefined {
  return byText.get(message);
}

/** The UI message that says the same in the reader's language: `validation` + the code, capitalised. */
export function validationMessageKey(code: ValidationCode): `validation${Capitalize<ValidationCode>}` {
  return `validation${code[0].toUpperCase()}${code.slice(1)}` as `validation${Capitalize<ValidationCode>}`;
}
