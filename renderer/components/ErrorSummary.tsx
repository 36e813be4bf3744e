import { useEffect, useRef } from 'react';
import { useT } from '../i18n';

export interface SummaryItem {
  readonly targetId: string;
  readonly message: string;
}

/**
 * GOV.UK pattern: a box at the top listing every problem, each a link to its
 * field; it takes focus so screen readers and voice announce it at once.
 */
export function ErrorSummary({ items }: { readonly items: readonly SummaryItem[] }) {
  const { t } = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (items.length > 0) ref.current?.focus();
  }, [items]);
  if (items.length === 0) return null;
  return (
    <div
      className="error-summary"
      role="alert"
      tabIndex={-1}
      ref={ref}
      aria-labelledby="error-summary-title"
    >
      <h2 id="error-summary-title" className="error-summary-title">
        {t('errors.summaryTitle')}
      </h2>
      <ul>
        {items.map((item) => (
          <li key={`${item.targetId}:${item.message}`}>
            <a
              href={`#${item.targetId}`}
              onClick={(event) => {
                event.preventDefault();
                document.getElementById(item.targetId)?.focus();
              }}
            >
              {item.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
