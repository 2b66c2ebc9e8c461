// A restore the background refused: the options page reads the problem from the answer, checked, or not at all.
import { describe, expect, it } from 'vitest';
import { answeredProblem } from '@/lib/backup/answered-problem';
import { AnsweredError, RefusedError } from '@/lib/messaging/envelope';

describe('answeredProblem', () => {
  it('reads a well-formed problem from an answered or refused error', () => {
    const problem = { code: 'partsMissing', details: [1, 2, 0, 0] };
    expect(answeredProblem(new AnsweredError('Only part…', problem))).toEqual(problem);
    const validation = { code: 'httpUrl', details: [], field: 'url: ' };
    expect(
      answeredProblem(new RefusedError('Article 1…', { code: 'badArticle', details: [1, '', 'url: x'], validation })),
    ).toEqual({ code: 'badArticle', details: [1, '', 'url: x'], validation });
  });

  it('reads nothing from another error, an unknown code or details that are not words and numbers', () => {
    expect(answeredProblem(new Error('QuotaExceededError'))).toBeNull();
    expect(answeredProblem(new AnsweredError('no problem'))).toBeNull();
    expect(answeredProblem(new AnsweredError('x', { code: 'launchMissiles', details: [] }))).toBeNull();
    expect(answeredProblem(new AnsweredError('x', { code: 'partOrder', details: [{ html: '<b>' }] }))).toBeNull();
    expect(answeredProblem(new AnsweredError('x', 'partOrder'))).toBeNull();
  });
});
