import { assertNever } from '../../../base/assert-never';
import { ChoiceInput } from './ChoiceInput';
import { DateInput } from './DateInput';
import { KeypadInput } from './KeypadInput';
import { RegionPicker } from './RegionPicker';
import { TypedInput } from './TypedInput';
import type { AnswerInputProps } from './answer-props';

export { INPUT_ID } from './answer-props';

/** Longest name and address the keyboard takes; the rules engine checks the real limits. */
const NAME_MAX = 30;
const ADDRESS_MAX = 100;

/** The input for one question, chosen by its type in the rule file. */
export function AnswerInput(props: AnswerInputProps) {
  const { question } = props.state;
  switch (question.type) {
    case 'choice':
      return <ChoiceInput {...props} />;
    case 'mobile':
      return <KeypadInput {...props} layout="digits" maxLength={11} />;
    case 'idNumber':
      return <KeypadInput {...props} layout="idNumber" maxLength={18} />;
    case 'pinyin':
      return <KeypadInput {...props} layout="letters" maxLength={40} />;
    case 'text':
      if (question.keyboard === 'letters')
        return <KeypadInput {...props} layout="alphanumeric" maxLength={question.maxLength} />;
      if (question.keyboard === 'digits')
        return <KeypadInput {...props} layout="digits" maxLength={question.maxLength} />;
      return (
        <TypedInput
          {...props}
          multiline={question.maxLength > 30}
          kind="text"
          maxLength={question.maxLength}
        />
      );
    case 'name':
      return <TypedInput {...props} multiline={false} kind="name" maxLength={NAME_MAX} />;
    case 'address':
      return <TypedInput {...props} multiline kind="address" maxLength={ADDRESS_MAX} />;
    case 'date':
      return <DateInput {...props} />;
    case 'region':
      return <RegionPicker {...props} />;
    default:
      return assertNever(question, 'question type');
  }
}
