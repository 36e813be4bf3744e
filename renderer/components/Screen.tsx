import type { ReactNode } from 'react';
import { useScreenHeading } from '../screens/use-screen-heading';
import { ActionBar } from './ActionBar';

/**
 * The frame every journey screen shares: a section named by its heading, the
 * heading focused when the screen appears (and again when `phase` changes),
 * the lead under it, the screen's own content, and the action bar at the
 * bottom (going back at the start, going on at the end).
 */
export function Screen({
  name,
  title,
  kicker,
  lead,
  start,
  end,
  phase,
  data,
  children,
}: {
  /** `screen-${name}` on the section: the stylesheet's and the tests' handle. */
  readonly name: string;
  readonly title: ReactNode;
  /** A line above the title (the guide's 办事指南). */
  readonly kicker?: ReactNode;
  /** The line under the title; a screen whose lead changes live passes its own in `children`. */
  readonly lead?: ReactNode;
  readonly start?: ReactNode;
  readonly end?: ReactNode;
  /** Focus returns to the heading when this changes (a screen that turns into another). */
  readonly phase?: unknown;
  /** `data-*` attributes for the stylesheet (e.g. `{ phase: 'live' }` → `data-phase`). */
  readonly data?: Readonly<Record<string, string>>;
  readonly children?: ReactNode;
}) {
  const heading = useScreenHeading(phase);
  const attributes = Object.fromEntries(
    Object.entries(data ?? {}).map(([key, value]) => [`data-${key}`, value]),
  );
  return (
    <section className={`screen screen-${name}`} aria-labelledby="screen-title" {...attributes}>
      {kicker}
      <h1 id="screen-title" ref={heading} tabIndex={-1} className="screen-title">
        {title}
      </h1>
      {lead !== undefined && <p className="screen-lead">{lead}</p>}
      {children}
      {(start !== undefined || end !== undefined) && <ActionBar start={start} end={end} />}
    </section>
  );
}
