import { compilePhraseMatcher, wordsOf } from '../../src/core/phrase-matcher';

describe('compilePhraseMatcher', () => {
  const buyer = compilePhraseMatcher(['cto', 'vp', 'director', 'vice president', 'co-founder', 'head']);

  test.each([
    ['Director', true],
    ['director of engineering', true],
    ['VP, Sales', true],
    ['SVP/VP Marketing', true],
    ['Vice President of Sales', true],
    ['Co-Founder & CEO', true],
    ['co founder', true],
    ['CTO', true],
    ['  Head   of  Growth ', true],
    ['Actor', false],
    ['Factory worker', false],
    ['Directory administrator', false],
    ['Vice principal', false],
    ['President', false],
    ['Headhunter', false],
    ['', false],
  ])('%j → %s', (title, expected) => {
    expect(buyer(title)).toBe(expected);
  });

  test('a phrase must appear as consecutive words', () => {
    const matcher = compilePhraseMatcher(['phd candidate']);
    expect(matcher('PhD candidate in chemistry')).toBe(true);
    expect(matcher('Candidate for a PhD')).toBe(false);
  });

  test('non-English letters are word characters', () => {
    expect(compilePhraseMatcher(['étudiant'])('Étudiant en master')).toBe(true);
    expect(wordsOf('Geschäftsführer/CEO')).toEqual(['geschäftsführer', 'ceo']);
  });

  test('an empty list matches nothing', () => {
    expect(compilePhraseMatcher([])('Director')).toBe(false);
  });
});
