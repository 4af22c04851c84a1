import { describe, expect, it } from 'vitest';
import { bestThreshold, classifier, halfBestF1Threshold, LinearModelSchema, plateauThreshold, smoothedThreshold, trainLogistic, type Example } from '../../api/extract/learned/linear.ts';

// "met" in the sentence says yes unless "not" is there too; "city" is noise present on both sides.
const examples: Example[] = [];
for (let i = 0; i < 40; i++) {
  examples.push({ features: ['met', 'city'], positive: true });
  examples.push({ features: ['met', 'not', 'city'], positive: false });
  examples.push({ features: ['city'], positive: false });
}

describe('trainLogistic', () => {
  it('learns which features say yes, and their interplay with a feature that says no', () => {
    const model = classifier(trainLogistic(examples));
    expect(model.accepts(['met', 'city'])).toBe(true);
    expect(model.accepts(['met', 'not', 'city'])).toBe(false);
    expect(model.accepts(['city'])).toBe(false);
    expect(model.probability(['unknown feature'])).toBeLessThan(0.5);
  });

  it('gives the same weights for the same examples and seed, and a model the schema accepts', () => {
    const a = trainLogistic(examples, { seed: 7 });
    expect(trainLogistic(examples, { seed: 7 })).toEqual(a);
    expect(LinearModelSchema.parse(JSON.parse(JSON.stringify(a)))).toEqual(a);
  });
});

describe('bestThreshold', () => {
  it('cuts where F1 of the yes answers is highest', () => {
    const scored = [
      { probability: 0.9, positive: true },
      { probability: 0.8, positive: true },
      { probability: 0.6, positive: false },
      { probability: 0.4, positive: true },
      { probability: 0.2, positive: false },
    ];
    expect(bestThreshold(scored)).toBe(0.3);
    // without the positive at 0.4, nothing is worth taking the negative at 0.6 for
    expect(bestThreshold(scored.slice(0, 3))).toBe(0.7);
  });
});

describe('plateauThreshold', () => {
  // F1 by cut: 0.85 → 0.40, 0.75 → 0.67, 0.65 → 0.57, 0.55 → 0.75 (best), 0.45 → 0.67, 0.35 → 0.60, 0.25 → 0.73, 0.15 → 0.67
  const scored = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1].map((probability, i) => ({ probability, positive: [0, 1, 3, 6].includes(i) }));

  it('takes the centre of the cuts whose F1 comes near the best, not the best cut alone', () => {
    expect(bestThreshold(scored)).toBe(0.55);
    expect(plateauThreshold(scored, 0, 0.03)).toBe(0.4);
    expect(plateauThreshold(scored, 0, 0.1)).toBe(0.45);
  });

  it('is the best cut when nothing else comes near it', () => {
    expect(plateauThreshold(scored, 0, 0)).toBe(bestThreshold(scored));
  });
});

describe('halfBestF1Threshold', () => {
  const scored = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1].map((probability, i) => ({ probability, positive: [0, 1, 3, 6].includes(i) }));

  it('is half the best F1, whatever the cut that reaches it', () => {
    expect(halfBestF1Threshold(scored)).toBe(0.375);
    // two gold facts no candidate reaches: the best F1 falls to 8 / 13 (the cut that takes seven), and the threshold with it
    expect(halfBestF1Threshold(scored, 2)).toBe(0.3077);
  });
});

describe('smoothedThreshold', () => {
  // F1 by cut: 0.85 → 0.40, 0.75 → 0.67, 0.65 → 0.57, 0.55 → 0.75 (best), 0.45 → 0.67, 0.35 → 0.60, 0.25 → 0.73, 0.15 → 0.67
  const scored = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1].map((probability, i) => ({ probability, positive: [0, 1, 3, 6].includes(i) }));

  it('without a window takes the best cut (the lowest threshold that makes its decisions)', () => {
    expect(smoothedThreshold(scored, 0, 0)).toBe(0.505);
  });

  it('with a wide window prefers the thresholds where F1 stays high to a lone best cut between two low ones', () => {
    // from 0.05 to 0.3 the F1 stays 0.67–0.73; around the best cut it falls to 0.57 and 0.67
    expect(smoothedThreshold(scored, 0, 0.15)).toBe(0.15);
  });
});
