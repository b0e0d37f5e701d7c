"""The four outcomes and what a broker does with each: accepted, rejected, released, modified."""
from proton import Condition, Message, symbol

from support import Receiver, annotations_of, case, outcome, send


def dead_letters(c, conn, address, n=1):
    """The messages on the dead-letter queue `<address>.dlq` (embedded broker only)."""
    dlq = Receiver(conn, address + ".dlq", credit=n)
    items = dlq.wait_items(n)
    for item in items:
        outcome(item, "accepted")
    return [{"body": i.message.body, "annotations": annotations_of(i.message)} for i in items]


@case
def four_outcomes(c):
    with c.queue("outcomes") as (conn, address):
        sender = conn.create_sender(address)
        for body in ("accept me", "reject me", "release me", "modify me"):
            send(conn, sender, Message(body=body))
        receiver = Receiver(conn, address, credit=4)
        a, b, r, m = receiver.wait_items(4)
        outcome(a, "accepted")
        outcome(b, "rejected", condition=Condition("amqp:precondition-failed", "bad order"))
        outcome(r, "released")
        outcome(m, "modified", failed=True)
        receiver.flow(3)
        again = receiver.wait_items(2)
        nothing_more = receiver.nothing_for(0.5)
        for item in again:
            outcome(item, "accepted")
        out = {"redelivered": [[i.message.body, i.message.delivery_count] for i in again], "nothing_more": nothing_more}
        if c.options.get("dlq"):
            out["dead_letters"] = dead_letters(c, conn, address)
        return out


@case
def first_acquirer(c):
    """Row 12: first-acquirer is false once a message was acquired before (here: released)."""
    with c.queue("acquirer") as (conn, address):
        sender = conn.create_sender(address)
        send(conn, sender, Message(body="once", first_acquirer=True))
        receiver = Receiver(conn, address)
        first = receiver.receive()
        outcome(first, "released")
        second = receiver.receive()
        outcome(second, "accepted")
        return {"first": first.message.first_acquirer, "second": second.message.first_acquirer,
                "second_delivery_count": second.message.delivery_count}


@case
def undeliverable_here(c):
    """Row 2: modified undeliverable-here never comes back to that link, even as its only consumer."""
    with c.queue("undeliverable") as (conn, address):
        sender = conn.create_sender(address)
        send(conn, sender, Message(body="not for this link"))
        first = Receiver(conn, address)
        item = first.receive()
        outcome(item, "modified", undeliverable=True)
        first.flow(5)
        kept_away = first.nothing_for(0.5)
        other_conn = c.connect()
        other = Receiver(other_conn, address, credit=1)
        taken = other.wait_items(1)[0]
        outcome(taken, "accepted")
        other_conn.close()
        return {"kept_away_from_link": kept_away, "other_link_got": taken.message.body,
                "delivery_count": taken.message.delivery_count}


@case
def max_delivery_count(c):
    """Row 2: a message failed again and again is dead-lettered after the broker's maximum."""
    with c.queue("poison") as (conn, address):
        sender = conn.create_sender(address)
        send(conn, sender, Message(body="poison"))
        receiver = Receiver(conn, address)
        counts = []
        for _ in range(int(c.options.get("limit", 50))):
            receiver.flow(1)
            if receiver.nothing_for(0.3):
                break
            item = receiver.wait_items(1)[0]
            counts.append(item.message.delivery_count)
            outcome(item, "modified", failed=True)
        out = {"delivery_counts": counts}
        if c.options.get("dlq"):
            out["dead_letters"] = dead_letters(c, conn, address)
        return out


@case
def modified_annotations(c):
    """Row 5: modified message-annotations are merged into the message before it is redelivered."""
    with c.queue("annotate") as (conn, address):
        sender = conn.create_sender(address)
        send(conn, sender, Message(body="annotated", annotations={symbol("x-opt-note"): "original",
                                                                  symbol("x-opt-keep"): "kept"}))
        receiver = Receiver(conn, address)
        first = receiver.receive()
        outcome(first, "modified", failed=True,
                annotations={symbol("x-opt-note"): "replaced", symbol("x-opt-retry-reason"): "busy", symbol("x-opt-n"): 3})
        second = receiver.receive()
        outcome(second, "accepted")
        return {"annotations": annotations_of(second.message), "delivery_count": second.message.delivery_count}
