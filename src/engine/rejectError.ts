// The error a receiver's manual Reject carries. It shows up downstream (a broker's dead-letter
// reason, the sender's outcome), so the user picks the condition and description; by default it
// says plainly that a person rejected it, not that something broke.
export const REJECT_CONDITIONS = [
  'amqp:precondition-failed',
  'amqp:not-allowed',
  'amqp:decode-error',
  'amqp:invalid-field',
  'amqp:not-implemented',
  'amqp:resource-limit-exceeded',
  'amqp:unauthorized-access',
  'amqp:internal-error',
] as const;

export const DEFAULT_REJECT_CONDITION = 'amqp:precondition-failed';
export const DEFAULT_REJECT_DESCRIPTION = 'Rejected by hand in AMQP Flow';

export interface RejectOptions {
  /** any AMQP error condition symbol; REJECT_CONDITIONS are the usual ones */
  condition?: string;
  description?: string;
}

/** The rejected outcome's error: the user's condition and description, or the defaults. */
export function rejectError(options: RejectOptions = {}): { condition: string; description: string } {
  const condition = options.condition?.trim() || DEFAULT_REJECT_CONDITION;
  const description = options.description?.trim() || DEFAULT_REJECT_DESCRIPTION;
  return { condition, description };
}
