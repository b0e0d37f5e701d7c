"""A non-rhea AMQP 1.0 client (Qpid Proton) for the embedded broker's interop test.

Usage: send_receive.py <amqp://host:port> <address> <count>
Sends <count> messages to <address>, waits for each outcome, receives them back with manual
acknowledgement (the first one released, so it is received twice), then prints one JSON line of
what happened.
"""
import json
import sys

from proton import Message
from proton.utils import BlockingConnection


def main() -> int:
    url, address, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    conn = BlockingConnection(url, timeout=10, container_id="proton-interop")
    try:
        sender = conn.create_sender(address)
        for i in range(count):
            sender.send(Message(body="proton %d" % i, properties={"n": i}, subject="interop"))
        receiver = conn.create_receiver(address, credit=count)
        received, props, delivery_counts = [], [], []
        for i in range(count + 1):
            msg = receiver.receive(timeout=10)
            received.append(msg.body)
            props.append(msg.properties.get("n"))
            delivery_counts.append(msg.delivery_count)
            if i == 0:
                receiver.release(delivered=False)  # back to the queue: received once more below
            else:
                receiver.accept()
        print(json.dumps({"sent": count, "received": received, "properties": props,
                          "delivery_counts": delivery_counts,
                          "offered": [str(c) for c in (conn.conn.remote_offered_capabilities or [])]}))
        return 0
    finally:
        conn.close()


if __name__ == "__main__":
    sys.exit(main())
