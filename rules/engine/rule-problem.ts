/** One problem in a rule file, with the JSON path of what is wrong. */
export interface RuleProblem {
  readonly path: string;
  readonly message: string;
}
