import type { SpecIssue } from '../spec/specError.ts';
import type { PreparedData } from './table.ts';

const countPerClass = (labels: Int32Array, classes: number) => {
  const counts = new Array<number>(classes).fill(0);
  for (const y of labels) counts[y]++;
  return counts;
};

/**
 * What makes prepared data unfit to train on, as spec issues under `at` (for example "a." for a
 * compare arm): a class with no training or no test rows (named by its label where `classNames` are
 * given) (the model cannot learn it, or the test
 * set cannot score it), and scaled values that overflow float32 (every run would be NaN).
 */
export function trainabilityIssues(data: PreparedData, at = '', classNames?: readonly string[]): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const train = countPerClass(data.trainY, data.classes);
  const test = countPerClass(data.testY, data.classes);
  const perClass = `training rows per class ${train.join(', ')}; test rows per class ${test.join(', ')}`;
  const noTrain = train.flatMap((n, c) => (n === 0 ? [c] : []));
  const noTest = test.flatMap((n, c) => (n === 0 ? [c] : []));
  // An uploaded table's classes are named by their labels too (its codes follow their code-point order).
  const named = (c: number) => (classNames ? `${c} (${JSON.stringify(classNames[c])})` : String(c));
  const classList = (cs: number[]) => `${cs.length === 1 ? 'class' : 'classes'} ${cs.map(named).join(', ')}`;
  if (noTrain.length)
    issues.push({ path: `${at}split`, message: `the split leaves ${classList(noTrain)} with no training rows (${perClass})` });
  if (noTest.length) issues.push({ path: `${at}split`, message: `the split leaves ${classList(noTest)} with no test rows (${perClass})` });
  const overflow = [data.trainX, data.testX].some((xs) => xs.some((x) => !Number.isFinite(x)));
  if (overflow)
    issues.push({
      path: `${at}scaling`,
      message:
        'scaled values overflow float32 (above 3.4e38): every run would train on infinities; divide by a larger number or standardize',
    });
  return issues;
}
