// The button on an event-log row of a received message that opens it in the message view.
import type { MouseEvent } from 'react';
import { openMessage, type ReceivedMessage } from './messageView.ts';

export function OpenMessageButton({ message }: { message: ReceivedMessage }) {
  return (
    <button
      type="button"
      className="row__open-message"
      aria-label={`Open message #${message.deliveryId} of ${message.node}`}
      title="Open the message: body section, bytes or text, properties, annotations"
      onClick={(e: MouseEvent) => {
        e.stopPropagation(); // the row's own click selects the node
        openMessage(message);
      }}
    >
      Open
    </button>
  );
}
