// A transfer's number types (`applicationPropertyTypes`): for each application property whose value
// is a number, a picker of the AMQP type it goes out as. A type the number does not fit is refused
// with validation's message (naming the property) and nothing changes; "default" removes the entry.
import { useId, useState } from 'react';
import { defaultNumberType } from '../../graph/numberFit.ts';
import { validateProps } from '../../graph/validate.ts';
import { AMQP_NUMBER_TYPES, type AmqpNumberType, type GraphNode, type Problem, type TransferProps } from '../../graph/types.ts';
import { setNodeProps } from '../../store/actions.ts';

/** A picked type that was refused: shown in its picker with the reason until another pick. */
interface Refused {
  key: string;
  type: string;
  message: string;
}

export function NumberTypesField({ node, help, problems }: { node: GraphNode<'transfer'>; help: string; problems: readonly Problem[] }) {
  const groupId = useId();
  const [refused, setRefused] = useState<Refused | null>(null);
  const props: TransferProps = node.props;
  const picked = props.applicationPropertyTypes ?? {};
  const numbers = Object.entries(props.applicationProperties ?? {}).filter((entry): entry is [string, number] => typeof entry[1] === 'number');

  const pick = (key: string, type: string) => {
    const nextTypes: Record<string, AmqpNumberType> = { ...picked };
    if (type === '') delete nextTypes[key];
    else nextTypes[key] = type as AmqpNumberType;
    const candidate: TransferProps = { ...props, applicationPropertyTypes: Object.keys(nextTypes).length ? nextTypes : undefined };
    if (!candidate.applicationPropertyTypes) delete candidate.applicationPropertyTypes;
    const own = validateProps('transfer', candidate).find((p) => p.field === `applicationPropertyTypes.${key}` || p.field === 'applicationPropertyTypes');
    if (own) return setRefused({ key, type, message: own.message });
    setRefused(null);
    setNodeProps(node.id, candidate, `${node.id}.applicationPropertyTypes`);
  };

  return (
    <div className="field" role="group" aria-labelledby={`${groupId}-label`}>
      <div className="field__label">
        <span id={`${groupId}-label`}>Number types</span>
        <span className="field__name">applicationPropertyTypes</span>
      </div>
      {numbers.length === 0 && <div className="field__help">No application property is a number yet; each number property gets a type picker here.</div>}
      {numbers.map(([key, value]) => {
        const mine = refused?.key === key ? refused : null;
        const problem = mine?.message ?? problems.find((p) => p.field === `applicationPropertyTypes.${key}`)?.message;
        const selectId = `${groupId}-${key}`;
        return (
          <div key={key} className={`field__number-type${problem ? ' field--invalid' : ''}`}>
            <label htmlFor={selectId}>
              <span className="field__name">{key}</span> = {value}
            </label>
            <select
              id={selectId}
              aria-label={`Type of ${key}`}
              aria-invalid={problem ? true : undefined}
              value={mine?.type ?? picked[key] ?? ''}
              onChange={(e) => pick(key, e.target.value)}
            >
              <option value="">default ({defaultNumberType(value)})</option>
              {AMQP_NUMBER_TYPES.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
            {problem && <div className="field__error" role="alert">{problem}</div>}
          </div>
        );
      })}
      <div className="field__help">{help}</div>
    </div>
  );
}
