// The AMQP type a JSON number goes out as. rhea's default makes every positive integer a uint,
// which .NET clients (and Azure's documented int status codes) do not expect; here an integer is
// an int when it fits and a long otherwise, a fraction a double, unless the user picked a type.
import rhea from 'rhea';
import type { AmqpNumberType } from '../graph/types.ts';
import { defaultNumberType, numberProblem } from '../graph/numberFit.ts';

export type { AmqpNumberType };
export { defaultNumberType, numberProblem };

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
