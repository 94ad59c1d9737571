export interface SpecIssue {
  path: string;
  message: string;
}

/** A spec that cannot run, naming each bad field (the API answers it with a 400). */
export class SpecError extends Error {
  readonly issues: SpecIssue[];
  constructor(issues: SpecIssue[]) {
    super(`Invalid study spec:\n${issues.map((i) => `  ${i.path || '(root)'}: ${i.message}`).join('\n')}`);
    this.name = 'SpecError';
    this.issues = issues;
  }
}
