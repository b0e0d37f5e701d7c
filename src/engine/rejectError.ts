// The error a receiver's Reject carries. It shows up downstream (a broker's dead-letter reason, the
// sender's outcome), so the user picks the condition and description, on the receiver's props (the
// Inspector) or per Reject; by default it says plainly that a person rejected it, not that something broke.
import { DEFAULT_REJECT_CONDITION, DEFAULT_REJECT_DESCRIPTION, REJECT_CONDITIONS } from '../graph/rejectCondition.ts';

export { DEFAULT_REJECT_CONDITION, DEFAULT_REJECT_DESCRIPTION, REJECT_CONDITIONS };

export interface RejectOptions {
  /** any AMQP error condition symbol; REJECT_CONDITIONS are the usual ones */
  condition?: string;
  description?: string;
}

/**
 * The rejected outcome's error: the condition and description picked for this Reject, else the
 * receiver's own (`rejectCondition`, `rejectDescription`), else the defaults.
 */
export function rejectError(options: RejectOptions = {}, receiver: RejectOptions = {}): { condition: string; description: string } {
  const condition = options.condition?.trim() || receiver.condition?.trim() || DEFAULT_REJECT_CONDITION;
  const description = options.description?.trim() || receiver.description?.trim() || DEFAULT_REJECT_DESCRIPTION;
  return { condition, description };
}
