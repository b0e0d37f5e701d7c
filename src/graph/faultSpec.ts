// The names of the faults a flow can inject (contracts §2 and §5) and the shape of one fault with its
// parameters. No imports, so the file format (scenes) and the engine can both use it.

export const FAULT_NAMES = [
  'restart-broker',
  'drop-connection',
  'pause-queue',
  'resume-queue',
  'slow-queue',
  'reject-next',
  'drop-next-frame',
  'delay-frames',
  'duplicate-next-transfer',
  'withhold-credit',
] as const;
export type FaultName = (typeof FAULT_NAMES)[number];

/** One fault with its parameters; `target` is a graph node id. */
export interface FaultSpec {
  fault: FaultName;
  target?: string;
  /** reject-next: how many messages */
  count?: number;
  /** reject-next: the AMQP error condition (default amqp:internal-error) */
  condition?: string;
  /** delay-frames: ms added to each frame, each way (0 lifts it) */
  ms?: number;
  /** slow-queue: messages a second (0 lifts the limit) */
  perSecond?: number;
  /** restart-broker: keep the queues' messages (default false: lost, as in a non-durable broker) */
  keepQueues?: boolean;
  /** restart-broker: ms the broker stays down (default 1000) */
  downMs?: number;
  /** withhold-credit: true withholds, false gives the flow frames back (default: switch) */
  on?: boolean;
}
