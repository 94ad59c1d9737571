import type { z } from 'zod';

export interface SpecIssue {
  path: string;
  message: string;
}

/** A zod error as field issues: the one mapping the engine, the API and the CLI use ("training.optimizer.lr": "..."). */
export const specIssues = (error: z.ZodError): SpecIssue[] =>
  error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));

/** A spec that cannot run, naming each bad field (the API answers it with a 400). */
export class SpecError extends Error {
  readonly issues: SpecIssue[];
  constructor(issues: SpecIssue[]) {
    super(`Invalid study spec:\n${issues.map((i) => `  ${i.path || '(root)'}: ${i.message}`).join('\n')}`);
    this.name = 'SpecError';
    this.issues = issues;
  }
}
