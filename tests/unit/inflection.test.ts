// Noun number (api/extract/inflection.ts): the one singular/plural helper of the readers and the fitting steps.
import { describe, expect, it } from 'vitest';
import { plural, singular } from '../../api/extract/inflection.ts';
import { headOf } from '../../api/learn/events.ts';

describe('singular and plural of the genre’s words', () => {
  const pairs: [string, string][] = [
    ['ties', 'tie'], ['cities', 'city'], ['delegations', 'delegation'], ['activities', 'activity'], ['offices', 'office'],
    ['ceremonies', 'ceremony'], ['buses', 'bus'], ['series', 'series'], ['news', 'news'], ['speeches', 'speech'],
    ['exchanges', 'exchange'], ['festivities', 'festivity'], ['addresses', 'address'], ['expos', 'expo'],
    ['houses', 'house'], ['representatives', 'representative'], ['businessmen', 'businessman'], ['co-chairmen', 'co-chairman'],
  ];

  it('takes each plural to its singular and back', () => {
    expect(pairs.map(([many]) => singular(many))).toEqual(pairs.map(([, one]) => one));
    expect(pairs.map(([, one]) => plural(one))).toEqual(pairs.map(([many]) => many));
  });

  it('leaves singular words ending in -s as they are', () => {
    expect(['business', 'campus', 'status', 'analysis', 'was', 'this', 'bus', 'alias'].map(singular)).toEqual(['business', 'campus', 'status', 'analysis', 'was', 'this', 'bus', 'alias']);
  });

  it('gives an event name’s head word its singular: "Dalian marks ties" is headed by "tie", not "ty"', () => {
    expect(['Dalian marks ties', 'opening ceremonies', 'friendship bus tours', 'concert series'].map(headOf)).toEqual(['tie', 'ceremony', 'tour', 'series']);
  });
});
