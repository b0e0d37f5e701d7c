// The AMQP type a JSON number goes out as. rhea's default makes every positive integer a uint,
// which .NET clients (and Azure's documented int status codes) do not expect; here an integer is
// an int when it fits and a long otherwise, a fraction a double, unless the user picked a type.
import rhea from 'rhea';
import type { AmqpNumberType } from '../graph/types.ts';

export type { AmqpNumberType };

const INTEGER_RANGE: Partial<Record<AmqpNumberType, [number, number]>> = {
  byte: [-128, 127], short: [-32768, 32767], int: [-2147483648, 2147483647], long: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  ubyte: [0, 255], ushort: [0, 65535], uint: [0, 4294967295], ulong: [0, Number.MAX_SAFE_INTEGER],
};

/** The type a number goes out as when the user did not pick one. */
export function defaultNumberType(n: number): AmqpNumberType {
  if (!Number.isInteger(n)) return 'double';
  return n >= -2147483648 && n <= 2147483647 ? 'int' : 'long';
}

/** Why `n` cannot be sent as `type`, or null when it can. */
export function numberProblem(n: number, type: AmqpNumberType): string | null {
  if (!Number.isFinite(n)) return `${n} is not a finite number`;
  const range = INTEGER_RANGE[type];
  if (!range) return null; // float, double
  if (!Number.isInteger(n)) return `${n} is not a whole number, so it cannot be a ${type}`;
  if (n < range[0] || n > range[1]) return `${n} is outside the ${type} range ${range[0]}…${range[1]}`;
  return null;
}

type Wrapper = (n: number) => unknown;
const types = rhea.types as unknown as Record<`wrap_${AmqpNumberType}`, Wrapper>;

/** `n` as a rhea typed value of that AMQP type (throws when it does not fit). */
export function wrapNumber(n: number, type: AmqpNumberType = defaultNumberType(n)): unknown {
  const problem = numberProblem(n, type);
  if (problem) throw new RangeError(problem);
  return types[`wrap_${type}`](n);
}

/**
 * Application properties ready for rhea: every number typed, as picked or by default. A picked
 * type the number does not fit is not used (the default is), so a run never fails over it.
 */
export function typedApplicationProperties(props: Record<string, unknown>, picked: Record<string, AmqpNumberType> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) {
    if (typeof v !== 'number') out[k] = v;
    else out[k] = wrapNumber(v, picked[k] && !numberProblem(v, picked[k]) ? picked[k] : defaultNumberType(v));
  }
  return out;
}
