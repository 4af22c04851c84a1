import { describe, expect, it } from 'vitest';
import {
  classifyPlace,
  countryCode,
  findCities,
  findCitiesBySpelling,
  gazetteerStats,
  isCommonWord,
  isCountryOrRegion,
} from '../../api/extract/gazetteer.ts';

describe('findCities', () => {
  it('places the sister cities of the seed article on the map', () => {
    const [daejeon] = findCities('Daejeon');
    expect(daejeon).toMatchObject({ name: 'Daejeon', country: 'KR' });
    expect(daejeon!.lat).toBeCloseTo(36.35, 1);
    expect(daejeon!.lon).toBeCloseTo(127.38, 1);
    expect(findCities('Sasebo')[0]).toMatchObject({ country: 'JP' });
    expect(findCities('Shenyang')[0]).toMatchObject({ country: 'CN' });
  });

  it('matches regardless of accents and case, keeping the gazetteer spelling', () => {
    for (const spelling of ['Békéscsaba', 'Bekescsaba', 'BÉKÉSCSABA', 'bekescsaba']) {
      expect(findCities(spelling)[0]).toMatchObject({ name: 'Békéscsaba', country: 'HU' });
    }
  });

  it('puts the most populous place of a shared name first', () => {
    const belfasts = findCities('Belfast');
    expect(belfasts.length).toBeGreaterThan(1);
    expect(belfasts[0]).toMatchObject({ country: 'GB' });
    const populations = belfasts.map((c) => c.population);
    expect(populations[0]).toBe(Math.max(...populations));
  });

  it('reads "X City" as X, "the City of X" as X, and X as "X City" when X is no region', () => {
    expect(findCities('Sasebo City')[0]).toMatchObject({ name: 'Sasebo', country: 'JP' });
    expect(findCities('the City of Seattle')[0]).toMatchObject({ name: 'Seattle', country: 'US' });
    expect(findCities('Daejeon Metropolitan City')[0]).toMatchObject({ name: 'Daejeon' });
    expect(findCities('Mandaue')[0]).toMatchObject({ name: 'Mandaue City', country: 'PH' });
    expect(findCities('Sioux City')[0]).toMatchObject({ name: 'Sioux City', country: 'US' });
  });

  it('reads names written with or without hyphens and spaces alike', () => {
    expect(findCities('Minami-Boso')[0]).toMatchObject({ country: 'JP' });
    expect(findCities('Minamiboso')[0]).toMatchObject({ country: 'JP' });
    expect(findCities('Burnham on Sea')[0]).toMatchObject({ name: 'Burnham-on-Sea', country: 'GB' });
  });

  it('reads St and Saint, Mt and Mount alike', () => {
    expect(findCities('St Pol sur Ternoise')[0]).toMatchObject({ country: 'FR' });
    expect(findCities('St Albans')[0]).toMatchObject({ country: 'GB' });
  });

  it('finds a misspelt city within the country the text states', () => {
    expect(findCities('Shimoneseki')).toEqual([]);
    expect(findCitiesBySpelling('Shimoneseki City', 'JP')[0]).toMatchObject({ name: 'Shimonoseki', country: 'JP' });
    expect(findCitiesBySpelling('Bekescaba', 'HU')[0]).toMatchObject({ name: 'Békéscsaba' });
    expect(findCitiesBySpelling('Shimoneseki', 'KR')).toEqual([]);
  });

  it('finds places by their English alternate names', () => {
    expect(findCities('Galway')[0]).toMatchObject({ country: 'IE' });
    expect(findCities('Cologne')[0]).toMatchObject({ country: 'DE' });
    expect(findCities('Kiev')[0]).toMatchObject({ country: 'UA' });
  });

  it('never turns a province, a country or a region into a city', () => {
    expect(findCities('Liaoning')).toEqual([]);
    expect(findCities('Liaoning Province')).toEqual([]);
    expect(findCities('Northeast Asia')).toEqual([]);
    expect(findCities('Japan')).toEqual([]);
    // "Mexico" is a country: it must not slide to Mexico City through the "X City" rule.
    expect(findCities('Mexico').some((c) => c.name === 'Mexico City')).toBe(false);
  });

  it('never makes a city of a country acronym', () => {
    for (const acronym of ['USA', 'U.S.', 'US', 'UK', 'PRC', 'UAE']) {
      expect(findCities(acronym), acronym).toEqual([]);
      expect(isCountryOrRegion(acronym), acronym).toBe(true);
    }
    expect(countryCode('USA')).toBe('US');
    expect(countryCode('PRC')).toBe('CN');
    expect(classifyPlace('USA')).toMatchObject({ reading: 'country', country: 'US' });
    // In ordinary case it is the Japanese city.
    expect(findCities('Usa')[0]).toMatchObject({ name: 'Usa', country: 'JP' });
  });

  it('finds nothing for names that are no place', () => {
    expect(findCities('')).toEqual([]);
    expect(findCities('Adora Cruises')).toEqual([]);
  });
});

describe('isCountryOrRegion', () => {
  it('recognises countries, provinces, states, prefectures and macro-regions', () => {
    for (const name of ['Japan', 'Hungary', 'South Korea', 'Liaoning', 'Liaoning Province', 'Yamanashi Prefecture', 'Iowa', 'Northeast Asia', 'East Asia', 'Europe', 'Northern Ireland']) {
      expect(isCountryOrRegion(name), name).toBe(true);
    }
  });

  it('leaves cities, demonyms and capitals that share a region name alone', () => {
    for (const name of ['Shenyang', 'Sasebo', 'Belfast', 'Daejeon', 'Tokyo', 'Nagasaki', 'Japanese', 'Sasebo City', 'Galway']) {
      expect(isCountryOrRegion(name), name).toBe(false);
    }
  });
});

describe('classifyPlace', () => {
  it('leaves a prefecture that is also a city to the context', () => {
    const yamanashi = classifyPlace('Yamanashi');
    expect(yamanashi.reading).toBe('ambiguous');
    expect(yamanashi.cities[0]).toMatchObject({ name: 'Yamanashi', country: 'JP' });
    expect(classifyPlace('Yamanashi City').reading).toBe('city');
    expect(classifyPlace('Yamanashi Prefecture').reading).toBe('region');
  });

  it('keeps a big province a province next to a mid-size foreign namesake, not next to a big one', () => {
    expect(classifyPlace('Ontario').reading).toBe('region');
    expect(classifyPlace('California').reading).toBe('region');
    expect(classifyPlace('Portland').reading).toBe('ambiguous');
  });

  it('leaves city-states to the context, with their own city first', () => {
    for (const [name, code] of [['Singapore', 'SG'], ['Hong Kong', 'HK'], ['Macao', 'MO']] as const) {
      const place = classifyPlace(name);
      expect(place.reading, name).toBe('ambiguous');
      expect(place.cities[0]?.country, name).toBe(code);
    }
  });

  it('tells countries, regions and cities apart', () => {
    expect(classifyPlace('Georgia')).toMatchObject({ reading: 'country', country: 'GE' });
    expect(classifyPlace('Liaoning')).toMatchObject({ reading: 'region', country: 'CN', cities: [] });
    expect(classifyPlace('Sasebo')).toMatchObject({ reading: 'city', country: 'JP' });
    expect(classifyPlace('Hello Shenyang Foods Group').reading).toBeNull();
  });
});

describe('common words', () => {
  it('flags single English words that are no names, and keeps them out of alternate names', () => {
    expect(classifyPlace('Same')).toMatchObject({ commonWord: true });
    expect(classifyPlace('Most')).toMatchObject({ commonWord: true });
    expect(findCities('Part')).toEqual([]); // "Part" is among Perth's GeoNames alternate names
    expect(isCommonWord('Welcome')).toBe(true);
    for (const name of ['Sasebo', 'Hope', 'Paris', 'California', 'Mosul']) expect(isCommonWord(name), name).toBe(false);
    expect(classifyPlace('Sasebo').commonWord).toBe(false);
  });
});

describe('countryCode', () => {
  it.each([
    ['Japan', 'JP'],
    ['Japanese', 'JP'],
    ['South Korea', 'KR'],
    ['Korean', 'KR'],
    ['Korea', 'KR'],
    ['the Republic of Korea', 'KR'],
    ['Hungary', 'HU'],
    ['Iraqi', 'IQ'],
    ['Filipino', 'PH'],
    ['American', 'US'],
    ['U.S.', 'US'],
    ['UK', 'GB'],
    ['British', 'GB'],
    ["People's Republic of China", 'CN'],
    ['S. Korea', 'KR'],
    ['S. Korean', 'KR'],
    ['Britain', 'GB'],
  ])('%s -> %s', (name, code) => {
    expect(countryCode(name)).toBe(code);
  });

  it('never makes a town of a demonym or a language name', () => {
    for (const word of ['Japanese', 'Korean', 'English']) {
      expect(findCities(word), word).toEqual([]);
      expect(classifyPlace(word).reading, word).toBeNull();
    }
  });

  it('returns null for what is no country', () => {
    expect(countryCode('Shenyang')).toBeNull();
    expect(countryCode('Northeast Asia')).toBeNull();
  });
});

describe('gazetteerStats', () => {
  it('reports the GeoNames cities it loaded once', () => {
    const stats = gazetteerStats();
    expect(stats.cities).toBeGreaterThan(100_000);
    expect(stats.loadMs).toBeGreaterThan(0);
    expect(gazetteerStats().loadMs).toBe(stats.loadMs);
  });
});
