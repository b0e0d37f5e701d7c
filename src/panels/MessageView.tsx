// A received message, readable: which body section carried it and its decoded value, bytes as a hex
// dump with a Text view when they are UTF-8, then its properties, application properties and
// message-annotations. Opened from an event-log row or a receiver's unsettled list (messageView.ts).
import { useState } from 'react';
import type { BodyBytes, BodySection } from '../engine/bodySection.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { closeMessage, hexDump, useMessageView, type ReceivedMessage } from './messageView.ts';
import './messageView.css';

const isBytes = (v: unknown): v is BodyBytes =>
  typeof v === 'object' && v !== null && typeof (v as BodyBytes).hex === 'string' && typeof (v as BodyBytes).length === 'number';

function pretty(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v, null, 2) ?? String(v));
}

/** Bytes as a hex dump, or as text when they are valid UTF-8 (the toggle says which). */
function BytesView({ bytes }: { bytes: BodyBytes }) {
  const [asText, setAsText] = useState(false);
  const text = bytes.utf8;
  const shown = bytes.hex.length / 2;
  return (
    <div className="message__bytes">
      <div className="message__toggle" role="group" aria-label="Show the body as">
        <button type="button" className="btn btn--small" aria-pressed={!asText} onClick={() => setAsText(false)}>
          Bytes
        </button>
        {text !== undefined && (
          <button type="button" className="btn btn--small" aria-pressed={asText} onClick={() => setAsText(true)}>
            Text
          </button>
        )}
        <span className="message__note">
          {bytes.length} byte{bytes.length === 1 ? '' : 's'}
          {text === undefined ? ', not UTF-8 text' : ', UTF-8 text'}
          {shown < bytes.length ? ` (the first ${shown} shown)` : ''}
        </span>
      </div>
      {asText && text !== undefined ? <pre aria-label="Body text">{text}</pre> : <pre aria-label="Body bytes">{hexDump(bytes.hex)}</pre>}
    </div>
  );
}

function sectionLine(s: BodySection): string {
  const count = s.sections > 1 ? ` (${s.sections} sections)` : '';
  if (s.kind === 'amqp-value') return `amqp-value${s.valueType ? `, ${s.valueType}` : ''}`;
  if (s.kind === 'none') return 'none (the message has no body)';
  return `${s.kind}${count}`;
}

function Body({ message }: { message: ReceivedMessage }) {
  // an event recorded before body sections were reported: an amqp-value of what the body is
  const section: BodySection = message.bodySection ?? { kind: 'amqp-value', sections: 1, value: message.body };
  const bytes = section.kind === 'data' ? section.bytes : isBytes(section.value) ? section.value : undefined;
  return (
    <section aria-label="Body">
      <h3 className="message__heading">Body</h3>
      <p className="message__section" data-section={section.kind}>
        Section: <strong>{sectionLine(section)}</strong>
      </p>
      {bytes ? <BytesView bytes={bytes} /> : section.kind !== 'none' && <pre aria-label="Body value">{pretty(section.value)}</pre>}
    </section>
  );
}

function Fields(props: { title: string; values: Record<string, unknown> | undefined; empty: string; types?: Record<string, string>; note?: string }) {
  const { title, values, empty, types, note } = props;
  const entries = Object.entries(values ?? {});
  return (
    <section aria-label={title}>
      <h3 className="message__heading">{title}</h3>
      {entries.length === 0 ? (
        <p className="message__note">{empty}</p>
      ) : (
        <table className="message__fields">
          <tbody>
            {entries.map(([k, v]) => (
              <tr key={k}>
                <th scope="row">{k}</th>
                <td>{pretty(v)}</td>
                {types && <td className="message__type">{types[k] ?? ''}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {note && entries.length > 0 && <p className="message__note">{note}</p>}
    </section>
  );
}

/** The message view's dialog, while a message is open. */
export function MessageView() {
  const message = useMessageView((s) => s.message);
  if (!message) return null;
  return (
    <Dialog title={`Message #${message.deliveryId} received by ${message.node}`} onClose={closeMessage} wide>
      <Body message={message} />
      <Fields title="Properties" values={message.properties} empty="No properties or header fields." />
      <Fields
        title="Application properties"
        values={message.applicationProperties}
        empty="No application properties."
        types={message.applicationPropertyTypes}
        // a message recorded before the engine reported types
        note={message.applicationPropertyTypes ? undefined : 'The AMQP type each value arrived as was not recorded.'}
      />
      <Fields title="Message annotations" values={message.messageAnnotations} empty="No message annotations." />
    </Dialog>
  );
}

export default MessageView;
