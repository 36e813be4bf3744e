import type { QuestionState } from '../../../rules/engine/evaluate';

export const INPUT_ID = 'answer';

export interface AnswerInputProps {
  readonly state: QuestionState;
  readonly value: string;
  readonly invalid: boolean;
  /** The value came from the ID card (or derived from it) and has not been changed. */
  readonly prefilled: boolean;
  readonly describedBy: string | undefined;
  readonly onChange: (value: string) => void;
}
