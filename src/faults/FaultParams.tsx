// The parameters of a fault, asked for in the Faults menu before it is injected: how many messages a
// second (Slow queue), how many and with which condition (Reject next N), how many ms (Delay frames),
// and whether the queues survive (Restart broker).
import { useState, type FormEvent } from 'react';
import { FAULTS, type FaultName, type FaultSpec } from '../graph/faults.ts';

type Params = Omit<FaultSpec, 'fault' | 'target'>;

const WITH_PARAMS: ReadonlySet<FaultName> = new Set(['slow-queue', 'reject-next', 'delay-frames', 'restart-broker']);
export const hasParams = (f: FaultName) => WITH_PARAMS.has(f);

/** Conditions a broker commonly rejects with; the first is the default. */
export const REJECT_CONDITIONS = [
  'amqp:internal-error',
  'amqp:resource-limit-exceeded',
  'amqp:not-allowed',
  'amqp:unauthorized-access',
  'amqp:precondition-failed',
  'amqp:decode-error',
] as const;

interface Props {
  fault: FaultName;
  target: string | undefined;
  onInject(params: Params): void;
  onCancel(): void;
}

export function FaultParams({ fault, target, onInject, onCancel }: Props) {
  const [perSecond, setPerSecond] = useState('2');
  const [count, setCount] = useState('3');
  const [condition, setCondition] = useState<string>(REJECT_CONDITIONS[0]);
  const [ms, setMs] = useState('300');
  const [keepQueues, setKeepQueues] = useState(false);
  const [downMs, setDownMs] = useState('1000');
  const info = FAULTS[fault];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (fault === 'slow-queue') onInject({ perSecond: Number(perSecond) });
    else if (fault === 'reject-next') onInject({ count: Number(count), condition });
    else if (fault === 'delay-frames') onInject({ ms: Number(ms) });
    else onInject({ keepQueues, downMs: Number(downMs) });
  };

  return (
    <form
      className="fault-params"
      aria-label={`${info.label} parameters`}
      onSubmit={submit}
      onKeyDown={(e) => {
        e.stopPropagation(); // typing here is not an editor shortcut
        if (e.key === 'Escape') onCancel();
      }}
    >
      <p className="fault-params__title">
        {info.label}
        {target ? ` on ${target}` : ''}
      </p>
      <p className="menu__item-help">{info.help}</p>
      {fault === 'slow-queue' && (
        <label>
          Messages a second (0 lifts the limit)
          <input type="number" min={0} max={100000} step={1} required value={perSecond} onChange={(e) => setPerSecond(e.target.value)} autoFocus />
        </label>
      )}
      {fault === 'reject-next' && (
        <>
          <label>
            How many messages
            <input type="number" min={1} max={100000} step={1} required value={count} onChange={(e) => setCount(e.target.value)} autoFocus />
          </label>
          <label>
            Condition
            <select value={condition} onChange={(e) => setCondition(e.target.value)}>
              {REJECT_CONDITIONS.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </label>
        </>
      )}
      {fault === 'delay-frames' && (
        <label>
          Delay per frame, each way (ms; 0 lifts it)
          <input type="number" min={0} max={60000} step={1} required value={ms} onChange={(e) => setMs(e.target.value)} autoFocus />
        </label>
      )}
      {fault === 'restart-broker' && (
        <>
          <label>
            Down for (ms)
            <input type="number" min={0} max={60000} step={1} required value={downMs} onChange={(e) => setDownMs(e.target.value)} autoFocus />
          </label>
          <label className="fault-params__check">
            <input type="checkbox" checked={keepQueues} onChange={(e) => setKeepQueues(e.target.checked)} />
            Keep the queues' messages (a durable broker would)
          </label>
        </>
      )}
      <div className="fault-params__buttons">
        <button type="submit" className="btn btn--primary btn--small">
          Inject
        </button>
        <button type="button" className="btn btn--small" onClick={onCancel}>
          Back
        </button>
      </div>
    </form>
  );
}
