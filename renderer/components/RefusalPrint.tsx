import { useState } from 'react';
import { kiosk } from '../api/kiosk';
import { useT, type MessageKey } from '../i18n';
import { useEvaluation } from '../state/evaluation';
import { useJourney } from '../state/journey';

type Printing = 'idle' | 'printing' | 'printed' | 'failed' | 'limit';

const SAID: Record<Exclude<Printing, 'idle'>, MessageKey> = {
  printing: 'refusal.printing',
  printed: 'refusal.printed',
  failed: 'refusal.printFailed',
  limit: 'refusal.printLimit',
};

/**
 * 「打印一次性告知单」 under a refusal the law makes: the citizen leaves with the reason and its
 * basis on paper. The kiosk evaluates the answers again and prints only a refusal its rules make.
 * `questionId` null: the card itself is refused (expired, or of a kind the item does not take).
 */
export function RefusalPrint({ questionId }: { readonly questionId: string | null }) {
  const { t } = useT();
  const rule = useJourney((s) => s.rule);
  const manualEntry = useJourney((s) => s.manualEntry);
  const evaluation = useEvaluation();
  const [printing, setPrinting] = useState<Printing>('idle');
  if (rule === null || evaluation === null) return null;

  const print = async (): Promise<void> => {
    setPrinting('printing');
    const result = await kiosk.printRefusal({
      serviceId: rule.id,
      questionId,
      answers: evaluation.answers,
      manualEntry,
    });
    if (!result.ok) setPrinting(result.error.code === 'print_limit' ? 'limit' : 'failed');
    else setPrinting(result.value.status === 'printed' ? 'printed' : 'failed');
  };

  return (
    <div className="refusal-print">
      <button
        type="button"
        className="button button-secondary"
        disabled={printing === 'printing'}
        onClick={() => void print()}
      >
        {t('refusal.print')}
      </button>
      {printing !== 'idle' && (
        <p className="refusal-print-status" role="status">
          {t(SAID[printing])}
        </p>
      )}
    </div>
  );
}
