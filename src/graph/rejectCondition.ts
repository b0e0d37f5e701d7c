// The error a receiver's Reject carries (its `rejectCondition` and `rejectDescription` props): the
// standard AMQP conditions to pick from, the defaults, and which symbols a file may hold.
// Decision: any condition of the spec (§2.8.15) is allowed, and so is a vendor symbol in a namespace
// of its own ("com.example:too-late", "x-opt:busy"); an "amqp:" symbol the spec does not define is a
// typo, so it is refused with the list of the real ones.

/** The spec's amqp-error conditions (AMQP 1.0 §2.8.15), the usual ones first. */
export const REJECT_CONDITIONS = [
  'amqp:precondition-failed',
  'amqp:not-allowed',
  'amqp:decode-error',
  'amqp:invalid-field',
  'amqp:not-implemented',
  'amqp:resource-limit-exceeded',
  'amqp:unauthorized-access',
  'amqp:internal-error',
  'amqp:not-found',
  'amqp:resource-locked',
  'amqp:resource-deleted',
  'amqp:illegal-state',
  'amqp:frame-size-too-small',
] as const;

export const DEFAULT_REJECT_CONDITION = 'amqp:precondition-failed';
export const DEFAULT_REJECT_DESCRIPTION = 'Rejected by hand in AMQP Flow';

/** A symbol with a namespace: letters, digits and . _ - before and after one or more colons. */
const NAMESPACED = /^[A-Za-z0-9][A-Za-z0-9._-]*(:[A-Za-z0-9._-]+)+$/;

/** Why `condition` cannot be a reject's error condition, or null when it can. */
export function rejectConditionProblem(condition: string): string | null {
  if ((REJECT_CONDITIONS as readonly string[]).includes(condition)) return null;
  if (condition.startsWith('amqp:')) {
    return `rejectCondition "${condition}" is not an AMQP error condition; use one of ${REJECT_CONDITIONS.join(', ')}, or a symbol of your own namespace such as "com.example:too-late"`;
  }
  if (!NAMESPACED.test(condition) || condition.length > 256) {
    return `rejectCondition must be an AMQP error condition such as "amqp:precondition-failed", or a symbol with a namespace such as "com.example:too-late" (found "${condition.slice(0, 40)}")`;
  }
  return null;
}
