import type { ReactNode } from 'react';

/** The row of large buttons at the bottom of a screen: going back on the left, going on at the right. */
export function ActionBar({
  start,
  end,
}: {
  readonly start?: ReactNode;
  readonly end?: ReactNode;
}) {
  return (
    <div className="action-bar">
      <div className="action-bar-start">{start}</div>
      <div className="action-bar-end">{end}</div>
    </div>
  );
}
