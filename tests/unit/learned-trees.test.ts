import { describe, expect, it } from 'vitest';
import { trainLogistic, classifier, type Example } from '../../api/extract/learned/linear.ts';
import { trainBoosted, treesProbability, TreesModelSchema } from '../../api/extract/learned/trees.ts';

// A visit is told when the person is of the visiting side AND the happening is in the town, and when neither is known;
// either alone says no: no sum of the two features' weights draws that line.
const examples: Example[] = [];
const add = (n: number, features: string[], positive: boolean) => {
  for (let i = 0; i < n; i++) examples.push({ features, positive });
};
add(30, ['visiting-side', 'in-town'], true);
add(30, ['visiting-side'], false);
add(10, ['in-town'], false);
add(10, [], true);

describe('trainBoosted', () => {
  it('learns a combination of features that no single feature tells', () => {
    const model = trainBoosted(examples, { rounds: 50, depth: 2, shrinkage: 0.3 });
    expect(treesProbability(model, ['visiting-side', 'in-town'])).toBeGreaterThan(0.8);
    expect(treesProbability(model, ['visiting-side'])).toBeLessThan(0.2);
    expect(treesProbability(model, ['in-town'])).toBeLessThan(0.2);
    expect(treesProbability(model, [])).toBeGreaterThan(0.8);
    // the logistic model sits on the fence for at least one of the four
    const linear = classifier(trainLogistic(examples));
    const right = [['visiting-side', 'in-town'], ['visiting-side'], ['in-town'], []].filter((f, i) => linear.accepts(f) === (i === 0 || i === 3));
    expect(right.length).toBeLessThan(4);
  });

  it('gives the same trees for the same examples, and a model the schema accepts', () => {
    const a = trainBoosted(examples, { rounds: 20 });
    expect(trainBoosted(examples, { rounds: 20 })).toEqual(a);
    expect(TreesModelSchema.parse(JSON.parse(JSON.stringify(a)))).toEqual(a);
  });
});
