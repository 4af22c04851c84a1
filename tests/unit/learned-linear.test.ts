import { describe, expect, it } from 'vitest';
import { bestThreshold, classifier, LinearModelSchema, trainLogistic, type Example } from '../../api/extract/learned/linear.ts';

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
