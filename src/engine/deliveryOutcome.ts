// Maps the state a broker gave one of our deliveries to the attempt's outcome (pure, so it is tested on its own).
import type { ErrorDetail, Outcome } from './events.ts';
import { explainError } from './doctor.ts';

/** A delivery's remote state as rhea reports it (see rheaInternals.remoteOutcome). */
export interface RemoteState {
  /** the state's type name: `accepted`, `rejected`, `released`, `modified`, `received`, or none */
  kind?: string;
  error?: unknown;
  deliveryFailed: boolean;
  undeliverableHere: boolean;
}

export interface Settlement {
  outcome: Outcome;
  note?: string;
  errorDetail?: ErrorDetail;
}

/** The outcome for this state, or null while there is none yet (`received` is progress, not an outcome). */
export function settlementOf(state: RemoteState): Settlement | null {
  switch (state.kind) {
    case 'received':
      return null;
    case 'accepted':
      return { outcome: 'accepted' };
    case 'rejected':
      return { outcome: 'rejected', errorDetail: explainError(state.error ?? { condition: 'amqp:internal-error', description: 'rejected without an error' }) };
    case 'released':
      return { outcome: 'released' };
    case 'modified': {
      const flags = [state.deliveryFailed ? 'delivery-failed' : '', state.undeliverableHere ? 'undeliverable-here' : ''].filter(Boolean);
      return flags.length ? { outcome: 'modified', note: flags.join(', ') } : { outcome: 'modified' };
    }
    default:
      // settled by the broker with no state: treat as released, as the spec's default outcome allows
      return { outcome: 'released', note: 'settled by the broker without an outcome' };
  }
}
