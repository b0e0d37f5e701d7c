"""Credit, drain, competing consumers, large multi-frame messages and dynamic (temporary) nodes."""
import os

from proton import Message
from proton.utils import LinkDetached

from support import Option, Receiver, case, outcome, send, send_raw, settle_for, without_header, outcome_name


def fill(conn, address, n, stem="m"):
    sender = conn.create_sender(address)
    for i in range(n):
        send(conn, sender, Message(body="%s%d" % (stem, i)))
    return sender


@case
def credit_is_exact(c):
    """A receiver gets exactly as many messages as it granted credit, the rest after more credit."""
    with c.queue("credit") as (conn, address):
        fill(conn, address, 5)
        receiver = Receiver(conn, address, credit=3)
        first = receiver.wait_items(3)
        quiet = receiver.nothing_for(0.5)
        credit_left = receiver.link.credit
        receiver.flow(2)
        rest = receiver.wait_items(2)
        for item in first + rest:
            outcome(item, "accepted")
        return {"first": [i.message.body for i in first], "quiet_after_credit_used": quiet,
                "credit_left": credit_left, "rest": [i.message.body for i in rest]}


@case
def drain(c):
    """drain: the sender uses what it has and gives back the rest of the credit."""
    with c.queue("drain") as (conn, address):
        fill(conn, address, 2)
        receiver = Receiver(conn, address)
        receiver.link.drain(10)
        conn.wait(lambda: not receiver.link.draining(), msg="waiting for the drain to complete")
        got = receiver.wait_items(2)
        credit_after = receiver.link.credit
        for item in got:
            outcome(item, "accepted")
        # drain with nothing queued: all credit comes back at once
        receiver.link.drain(5)
        conn.wait(lambda: not receiver.link.draining(), msg="waiting for the second drain")
        return {"received": [i.message.body for i in got], "credit_after": credit_after,
                "credit_after_empty_drain": receiver.link.credit}


@case
def competing_consumers(c):
    """Two receivers on one queue share the messages: each message to exactly one of them."""
    conn_a, conn_b = c.connect(), c.connect()
    address = c.address("compete")
    try:
        a = Receiver(conn_a, address, credit=20)
        b = Receiver(conn_b, address, credit=20)
        settle_for(conn_a, 0.2)  # both have granted credit before anything arrives
        settle_for(conn_b, 0.2)
        sender_conn = c.connect()
        fill(sender_conn, address, 20)
        sender_conn.close()
        got = []

        def total():
            return len(a.collector.items) + len(b.collector.items)
        while total() < 20:
            settle_for(conn_a, 0.05)
            settle_for(conn_b, 0.05)
        for r in (a, b):
            for item in r.collector.items:
                outcome(item, "accepted")
                got.append(item.message.body)
            settle_for(r.conn, 0.1)
        return {"a": len(a.collector.items), "b": len(b.collector.items), "distinct": len(set(got)), "total": len(got)}
    finally:
        conn_a.close()
        conn_b.close()


@case
def large_message(c):
    """A message far bigger than a frame goes out and comes back in many frames, unchanged."""
    with c.queue("large") as (conn, address):
        sender = conn.create_sender(address)
        payload = os.urandom(300 * 1024)
        raw = Message(body=payload, inferred=True).encode()
        dlv = send_raw(conn, sender, raw)
        receiver = Receiver(conn, address)
        item = receiver.receive()
        outcome(item, "accepted")
        return {"outcome": outcome_name(dlv), "size": len(raw), "same_bytes": without_header(item.raw) == without_header(raw),
                "frame_size": conn.conn.transport.remote_max_frame_size}


@case
def dynamic_receiver(c):
    """A receiver with source.dynamic gets a generated address that works as a queue."""
    conn = c.connect()
    try:
        receiver = Receiver(conn, None, dynamic=True, credit=1)
        conn.wait(lambda: receiver.address is not None, msg="waiting for the dynamic address")
        address = receiver.address
        sender = conn.create_sender(address)
        dlv = send(conn, sender, Message(body="to a temporary queue"))
        item = receiver.wait_items(1)[0]
        outcome(item, "accepted")
        return {"address": address, "outcome": outcome_name(dlv), "body": item.message.body}
    finally:
        conn.close()


@case
def deleted_temporary_address(c):
    """Row 11: once its receiver is gone a temporary address is not-found, not re-created."""
    conn = c.connect()
    try:
        receiver = Receiver(conn, None, dynamic=True, credit=1)
        conn.wait(lambda: receiver.address is not None, msg="waiting for the dynamic address")
        address = receiver.address
        receiver.link.close()
        conn.wait(lambda: receiver.link.state & receiver.link.REMOTE_CLOSED, msg="waiting for the detach")
        try:
            conn.create_sender(address)
            sender_refused = None
        except LinkDetached as e:
            sender_refused = str(e.condition)
        try:
            Receiver(conn, address, credit=1)
            settle_for(conn, 0.3)
            receiver_refused = None
        except LinkDetached as e:
            receiver_refused = str(e.condition)
        return {"address": address, "sender": sender_refused, "receiver": receiver_refused}
    finally:
        conn.close()


@case
def dynamic_target_lifetime(c):
    """Row 11: a sender's dynamic target is a temporary queue deleted with that sender."""
    conn = c.connect()
    try:
        def dynamic(link):
            link.target.dynamic = True
        sender = conn.create_sender(None, options=Option(dynamic))
        address = sender.link.remote_target.address
        dlv = send(conn, sender, Message(body="kept while the sender lives"))
        receiver = Receiver(conn, address, credit=1)
        item = receiver.wait_items(1)[0]
        outcome(item, "accepted")
        sender.link.close()
        conn.wait(lambda: sender.link.state & sender.link.REMOTE_CLOSED, msg="waiting for the detach")
        conn.wait(lambda: receiver.link.state & receiver.link.REMOTE_CLOSED, msg="waiting for the receiver to be closed")
        gone = receiver.collector.error
        try:
            conn.create_sender(address)
            after = None
        except LinkDetached as e:
            after = str(e.condition)
        return {"address": address, "outcome": outcome_name(dlv), "body": item.message.body,
                "receiver_closed_with": str(gone.name) if gone else None, "sender_after": after}
    finally:
        conn.close()
