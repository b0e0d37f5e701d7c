"""Links and connections at their edges: aborted transfers, transactions, message size limits, a
frozen client, and the `$cbs` reply's types. (Two links of one name cannot be tried with Proton: its
client refuses the second attach itself, closing its own connection with amqp:invalid-field.)"""
import os
import time
import uuid

from proton import Endpoint, Message
from proton.handlers import TransactionHandler
from proton.utils import LinkDetached

from support import Option, Receiver, case, condition_of, outcome, send, settle_for, outcome_name, annotations_of


@case
def aborted_transfer(c):
    """Row 1: an aborted multi-frame delivery is discarded; the link and connection go on."""
    with c.queue("abort") as (conn, address):
        sender = conn.create_sender(address)
        conn.wait(lambda: sender.link.credit > 0, msg="waiting for credit")
        dlv = sender.link.delivery(uuid.uuid4().hex)
        partial = Message(body=os.urandom(200 * 1024), inferred=True).encode()[: 150 * 1024]
        sender.link.stream(partial)  # more than one frame goes out, the message is not complete
        settle_for(conn, 0.3)
        dlv.abort()
        settle_for(conn, 0.3)
        after = send(conn, sender, Message(body="after the abort"))
        receiver = Receiver(conn, address, credit=2)
        got = receiver.wait_items(1)
        nothing_more = receiver.nothing_for(0.3)
        outcome(got[0], "accepted")
        return {"after_outcome": outcome_name(after), "received": [i.message.body for i in got],
                "nothing_more": nothing_more, "connection_open": bool(conn.conn.state & Endpoint.REMOTE_ACTIVE)}


class DeclareWatcher(TransactionHandler):
    def __init__(self):
        self.declared = False
        self.failed = False

    def on_transaction_declared(self, event):
        self.declared = True

    def on_transaction_declare_failed(self, event):
        self.failed = True


@case
def transaction_coordinator(c):
    """Row 4: attaching to a transaction coordinator is refused with amqp:not-implemented."""
    conn = c.connect()
    try:
        watcher = DeclareWatcher()
        txn = conn.container.declare_transaction(conn.conn, handler=watcher)
        link = txn.txn_ctrl
        try:
            conn.wait(lambda: watcher.declared or watcher.failed or link.state & Endpoint.REMOTE_CLOSED,
                      msg="waiting for the coordinator's answer")
        except LinkDetached:
            pass
        return {"declared": watcher.declared, "declare_failed": watcher.failed, "link_error": condition_of(link.remote_condition),
                "connection_open": bool(conn.conn.state & Endpoint.REMOTE_ACTIVE)}
    finally:
        conn.close()


@case
def receiver_max_message_size(c):
    """Row 6: a message larger than the receiver's max-message-size is never sent to it."""
    with c.queue("size") as (conn, address):
        sender = conn.create_sender(address)
        big = send(conn, sender, Message(body=b"x" * 5000, inferred=True))
        small = send(conn, sender, Message(body="small"))

        def limit(link):
            link.max_message_size = 1000
        receiver = Receiver(conn, address, credit=5, options=Option(limit))
        got = receiver.wait_items(1)
        nothing_more = receiver.nothing_for(0.5)
        for item in got:
            outcome(item, "accepted")
        out = {"outcomes": [outcome_name(big), outcome_name(small)], "received": [i.message.body for i in got],
               "sizes": [len(i.raw) for i in got], "nothing_more": nothing_more,
               "receiver_open": bool(receiver.link.state & Endpoint.REMOTE_ACTIVE)}
        if c.options.get("dlq"):
            dlq = Receiver(conn, address + ".dlq", credit=1).wait_items(1)[0]
            outcome(dlq, "accepted")
            out["dead_letter"] = {"size": len(dlq.raw), "annotations": annotations_of(dlq.message)}
        return out


@case
def frozen_client(c):
    """Row 10: a client that stops talking is closed after the broker's idle timeout; its unsettled
    message goes to another consumer."""
    frozen = c.connect()
    address = c.address("frozen")
    announced = frozen.conn.transport.remote_idle_timeout
    sender_conn = c.connect()
    send(sender_conn, sender_conn.create_sender(address), Message(body="held by a frozen client"))
    sender_conn.close()
    receiver = Receiver(frozen, address)
    held = receiver.receive()
    time.sleep(float(c.options.get("freeze", 3)))  # no I/O at all: no heartbeats, no frames
    other_conn = c.connect()  # opened after the freeze: it has been quiet for no time at all
    again = Receiver(other_conn, address, credit=1).wait_items(1)[0]
    outcome(again, "accepted")
    other_conn.close()
    try:
        settle_for(frozen, 0.3)
        condition = condition_of(frozen.conn.remote_condition)
    except Exception as e:  # the frozen side sees the close (or the dropped socket) when it wakes
        condition = {"error": str(e)}
    return {"announced_idle_timeout": announced, "held": held.message.body, "redelivered": again.message.body,
            "delivery_count": again.message.delivery_count, "frozen_side": condition}


@case
def cbs_status_code(c):
    """Row 13: the $cbs put-token reply carries status-code as an int (as Azure documents)."""
    conn = c.connect()
    try:
        replies = Receiver(conn, None, dynamic=True, credit=1)
        conn.wait(lambda: replies.address is not None, msg="waiting for the reply address")
        cbs = conn.create_sender("$cbs")
        request = Message(body="SharedAccessSignature sr=x&sig=y", id="req-1", reply_to=replies.address,
                          properties={"operation": "put-token", "type": "servicebus.windows.net:sastoken",
                                      "name": "amqp://example/queue"})
        send(conn, cbs, request)
        reply = replies.wait_items(1)[0]
        outcome(reply, "accepted")
        props = reply.message.properties
        return {"status_code": props.get("status-code"), "status_code_type": type(props.get("status-code")).__name__,
                "description": props.get("status-description"), "correlation_id": reply.message.correlation_id}
    finally:
        conn.close()
