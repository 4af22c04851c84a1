import { describe, expect, it } from 'vitest';
import { findDates, resolveDate } from '../../api/extract/dates.ts';

const PUBLISHED = '2024-04-01'; // a Monday

describe('resolveDate', () => {
  it.each([
    ['March 25th', '2024-03-25'],
    ['on the evening of March 25th', '2024-03-25'],
    ['25 March 2024', '2024-03-25'],
    ['the 25th of March', '2024-03-25'],
    ['Mar. 25, 2024', '2024-03-25'],
    ['Monday, March 25, 2024', '2024-03-25'],
    ['2024-03-25', '2024-03-25'],
    ['2024-03-25T08:30:00+08:00', '2024-03-25'],
    ['2024年3月25日', '2024-03-25'],
    ['in 2011', '2011'],
    ['2011', '2011'],
    ['March 2019', '2019-03'],
    ['in March', '2024-03'],
    ['last October', '2023-10'],
    ['this year', '2024'],
    ['last year', '2023'],
    ['last month', '2024-03'],
    ['last week', '2024-03'],
    ['yesterday', '2024-03-31'],
    ['on Tuesday', '2024-03-26'],
    ['on Monday', '2024-04-01'],
    ['last Monday', '2024-03-25'],
    ['next Friday', '2024-04-05'],
    ['this past June', '2023-06'],
    ['the 29th day of October, 2013', '2013-10-29'],
    ['on the afternoon of the 1st at City Hall', '2024-04-01'],
    ['on the 25th, when the delegation arrived', '2024-03-25'],
  ])('%s -> %s', (phrase, date) => {
    expect(resolveDate(phrase, PUBLISHED)).toBe(date);
  });

  it('puts a month after the publication month in the year before', () => {
    expect(resolveDate('December 5', PUBLISHED)).toBe('2023-12-05');
    expect(resolveDate('Sept. 3', PUBLISHED)).toBe('2023-09-03');
    expect(resolveDate('last week', '2024-01-03')).toBe('2023-12');
  });

  it('needs the publication date for relative expressions, not for absolute ones', () => {
    expect(resolveDate('March 25th', null)).toBeNull();
    expect(resolveDate('last October', null)).toBeNull();
    expect(resolveDate('on Tuesday', null)).toBeNull();
    expect(resolveDate('Dec. 10, 2011', null)).toBe('2011-12-10');
    expect(resolveDate('in 2011', null)).toBe('2011');
  });

  it('reads numeric dates only when day and month cannot be confused', () => {
    expect(resolveDate('13/05/2019', null)).toBe('2019-05-13');
    expect(resolveDate('01-13-2023', null)).toBe('2023-01-13');
    expect(resolveDate('05/06/2020', null)).toBeNull();
  });

  it('rejects what is no date', () => {
    expect(resolveDate('2024-02-30', PUBLISHED)).toBeNull();
    expect(resolveDate('the delegation may visit', PUBLISHED)).toBeNull();
    expect(resolveDate('', PUBLISHED)).toBeNull();
  });
});

describe('findDates', () => {
  it('finds each date of a sentence with its position', () => {
    const sentence =
      'Since the twinning of the two cities in 2011, the Mayor of Harbourside has visited seven times, most recently on the evening of March 25th, and will return last October.';
    const found = findDates(sentence, PUBLISHED);
    expect(found.map((d) => [d.text, d.date])).toEqual([
      ['2011', '2011'],
      ['the evening of March 25th', '2024-03-25'],
      ['last October', '2023-10'],
    ]);
    for (const d of found) expect(sentence.slice(d.start, d.end)).toBe(d.text);
  });

  it('reads a bare weekday after a verb, as news style writes it, but not a holiday', () => {
    expect(findDates('The two cities forged a sisterhood Saturday to deepen ties.', PUBLISHED).map((d) => d.date)).toEqual(['2024-03-30']);
    expect(findDates('Council chambers were filled Monday night for the meeting.', PUBLISHED).map((d) => d.text)).toEqual(['Monday night']);
    expect(findDates('The choir sang on Good Friday.', PUBLISHED)).toEqual([]);
  });

  it('reads a weekday with a day of the month only when they agree', () => {
    expect(resolveDate('on Saturday 30th', PUBLISHED)).toBe('2024-03-30');
    expect(resolveDate('on Sunday 30th', PUBLISHED)).toBeNull();
  });

  it('reads a yearless date after a future-tense clause as the next one', () => {
    const feb = '2024-02-07'; // a Wednesday
    expect(findDates('A delegation is expected to visit Harbour City in April.', feb).map((d) => d.date)).toEqual(['2024-04']);
    expect(findDates('The mayor visited Harbour City in April.', feb).map((d) => d.date)).toEqual(['2023-04']);
    expect(findDates('The delegation will arrive on Tuesday.', feb).map((d) => [d.text, d.date])).toEqual([['Tuesday', '2024-02-13']]);
    expect(findDates('The delegation arrived on Tuesday.', feb).map((d) => d.date)).toEqual(['2024-02-06']);
    expect(findDates('A delegation will be in Harbour City on Nov. 16 and 17.', '2023-11-07').map((d) => d.date)).toEqual(['2023-11-16']);
    // The future of one clause does not reach back to an earlier one.
    expect(findDates('The cities signed a pact in December; the mayor will visit in May.', feb).map((d) => d.date)).toEqual(['2023-12', '2024-05']);
    expect(findDates('He said he would visit in April.', feb).map((d) => d.date)).toEqual(['2023-04']);
  });

  it('does not read an ordinal that counts something as a day', () => {
    expect(findDates('The two cities celebrated on the 20th anniversary of their twinning.', PUBLISHED)).toEqual([]);
  });

  it('does not read the verbs "may" and "march", counts or times as dates', () => {
    const sentence = 'Students may march with 2000 guests at 10:30 in the parade, the organisers said.';
    expect(findDates(sentence, PUBLISHED)).toEqual([]);
  });

  it('does not read a name that starts like a weekday as one ("by Sato", "on Sunshine Coast")', () => {
    expect(findDates('The delegation was led by Sato Koji and stayed on Sunshine Coast.', PUBLISHED)).toEqual([]);
    expect(findDates('A group led by Sung-min Seo arrived by Wednesday.', PUBLISHED).map((d) => d.text)).toEqual(['Wednesday']);
  });

  it('keeps a sentence-final full stop out of the date', () => {
    const [may] = findDates('The exhibition opens in May.', PUBLISHED);
    expect(may).toMatchObject({ text: 'May', date: '2023-05' });
  });

  it('leaves out dates that need a missing publication date', () => {
    expect(findDates('The mayors met on March 25th in 2011.', null).map((d) => d.date)).toEqual(['2011']);
  });
});
