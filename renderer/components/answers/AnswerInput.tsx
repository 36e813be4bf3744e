import { assertNever } from '../../../rules/engine/assert-never';
import { ChoiceInput } from './ChoiceInput';
import { DateInput } from './DateInput';
import { KeypadInput } from './KeypadInput';
import { RegionPicker } from './RegionPicker';
import { TypedInput } from './TypedInput';
import type { AnswerInputProps } from './answer-props';

export { INPUT_ID } from './answer-props';

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
      return <TypedInput {...props} multiline={question.maxLength > 30} />;
    case 'name':
      return <TypedInput {...props} multiline={false} />;
    case 'address':
      return <TypedInput {...props} multiline />;
    case 'date':
      return <DateInput {...props} />;
    case 'region':
      return <RegionPicker {...props} />;
    default:
      return assertNever(question, 'question type');
  }
}
