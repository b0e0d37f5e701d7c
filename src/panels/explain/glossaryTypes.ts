// The shapes of the frame glossary: what a performative, a field or a condition means, with its place
// in the OASIS AMQP 1.0 specification (cited as `§2.7.4`).

/** One field of a performative or composite, keyed by the decoder's name (`link_credit`). */
export interface FieldEntry {
  /** what the field says, in plain words */
  meaning: string;
  /** a more precise section than the performative's own, when the spec has one */
  section?: string;
}

/** A field entry: `field('How many more messages…', '§2.6.7')`. */
export const field = (meaning: string, section?: string): FieldEntry => (section ? { meaning, section } : { meaning });

/** A performative, a delivery state, a terminus or the protocol header. */
export interface TermEntry {
  title: string;
  section: string;
  /** what it does, in plain words */
  does: string;
  fields: Readonly<Record<string, FieldEntry>>;
}

/** An error condition (`amqp:not-found`, `amqp-flow:connection-lost`). */
export interface ConditionEntry {
  /** where it is defined: a spec section, or `AMQP Flow` for the project's own */
  section: string;
  meaning: string;
  /** what to check or do next */
  next: string;
}
