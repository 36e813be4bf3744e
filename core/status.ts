import { z } from 'zod';

/** 待受理审核 / 待补正: decided at submission from the materials the citizen has. */
export const applicationStatusSchema = z.enum(['pending_review', 'pending_completion']);
export type ApplicationStatus = z.output<typeof applicationStatusSchema>;

/** Where an application stands on this kiosk's way to the back office. */
export const outboxStateSchema = z.enum([
  'queued',
  'sending',
  'accepted',
  'rejected',
  'needs_attention',
]);
export type OutboxState = z.output<typeof outboxStateSchema>;

/** Where the back office says an application stands (backoffice-api.yaml). */
export const backOfficeStateSchema = z.enum([
  'received',
  'in_review',
  'needs_completion',
  'approved',
  'rejected',
  'completed',
]);
export type BackOfficeState = z.output<typeof backOfficeStateSchema>;

/** Staff who sign in with a PIN. */
export const staffRoleSchema = z.enum(['guide', 'technician']);
export type StaffRole = z.output<typeof staffRoleSchema>;

/** Who may call a method of the contract: anyone at the screen, or staff signed in with a PIN. */
export type CallerRole = 'citizen' | StaffRole;

/** Why the card on the reader could not be read, as the citizen's screen explains it. */
export const cardProblemSchema = z.enum([
  /** Nothing on the reader where a card was expected. */
  'no_card',
  /** Lift the card and place it again. */
  'unreadable',
  /** Read, but what it says cannot be right: a window has to look at it. */
  'card_invalid',
  /** The reader itself is unwell; its device state says so. */
  'reader_down',
  'other',
]);
export type CardProblem = z.output<typeof cardProblemSchema>;
