// Whether an article reads as English (api/extract/language.ts): texts written for this test, in the genre.
import { describe, expect, it } from 'vitest';
import { readsAsEnglish } from '../../api/extract/language.ts';

describe('readsAsEnglish', () => {
  it('takes an English news paragraph of the genre, even a short one', () => {
    expect(readsAsEnglish('Mayor Anna Berg received a delegation from her sister city on Monday and signed a memorandum on youth exchanges.')).toBe(true);
    expect(readsAsEnglish('Delegation visits the twin town of the city')).toBe(true);
  });

  it('refuses the same news in Indonesian, German or Korean, and an empty text', () => {
    expect(readsAsEnglish('Wali Kota menerima kunjungan delegasi dari kota kembar pada hari Senin dan menandatangani nota kesepahaman.')).toBe(false);
    expect(readsAsEnglish('Die Bürgermeisterin empfing am Montag eine Delegation aus der Partnerstadt und unterzeichnete eine Absichtserklärung.')).toBe(false);
    expect(readsAsEnglish('시장은 월요일 자매도시 대표단을 맞이하고 청소년 교류 양해각서에 서명했다.')).toBe(false);
    expect(readsAsEnglish('')).toBe(false);
  });
});
