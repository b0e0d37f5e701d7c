// Whether a JSON number fits the AMQP type picked for it (a transfer's `applicationPropertyTypes`):
// validation names the property that does not fit, and the engine wraps only numbers that do.
import type { AmqpNumberType } from './types.ts';

const INTEGER_RANGE: Partial<Record<AmqpNumberType, readonly [number, number]>> = {
  byte: [-128, 127], short: [-32768, 32767], int: [-2147483648, 2147483647], long: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  ubyte: [0, 255], ushort: [0, 65535], uint: [0, 4294967295], ulong: [0, Number.MAX_SAFE_INTEGER],
};

/** The type a number goes out as when the user did not pick one: int when it fits, else long; fractions double. */
export function defaultNumberType(n: number): AmqpNumberType {
  if (!Number.isInteger(n)) return 'double';
  return n >= -2147483648 && n <= 2147483647 ? 'int' : 'long';
}

/** Why `n` cannot be sent as `type`, or null when it can. long and ulong stop at 2^53 − 1, JSON's exact integers. */
export function numberProblem(n: number, type: AmqpNumberType): string | null {
  if (!Number.isFinite(n)) return `${n} is not a finite number`;
  const range = INTEGER_RANGE[type];
  if (!range) return null; // float, double
  if (!Number.isInteger(n)) return `${n} is not a whole number, so it cannot be ${article(type)} ${type}`;
  if (n < range[0] || n > range[1]) return `${n} is outside the ${type} range ${range[0]}…${range[1]}`;
  return null;
}

const TYPE_SET: Record<AmqpNumberType, true> = { int: true, long: true, double: true, float: true, short: true, byte: true, uint: true, ulong: true, ushort: true, ubyte: true };

const article = (type: string) => (type === 'int' ? 'an' : 'a'); // "a uint": u is said "you"

/** Each picked type a number property does not fit, as `[property, message]`. */
export function numberTypeProblems(values: Record<string, unknown> | undefined, picked: Record<string, unknown> | undefined): [string, string][] {
  const out: [string, string][] = [];
  if (!values || !picked) return out;
  for (const [key, type] of Object.entries(picked)) {
    const value = Object.hasOwn(values, key) ? values[key] : undefined;
    if (typeof value !== 'number' || typeof type !== 'string' || !Object.hasOwn(TYPE_SET, type)) continue;
    const problem = numberProblem(value, type as AmqpNumberType);
    if (problem) out.push([key, `applicationProperties "${key}": ${problem}; pick another type or change the value`]);
  }
  return out;
}
