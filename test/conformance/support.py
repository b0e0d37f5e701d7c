"""What every conformance case needs: a Qpid Proton connection, raw message bytes in and out,
settling with any outcome, and waiting for things without a reactor of our own.

A case is a function taking a Case (URL, address prefix, a unique stem) and returning a dict,
printed as one JSON line by run.py. The TypeScript side asserts on it.
"""
import time
import uuid
from contextlib import contextmanager

from proton import Data, Delivery, Message
from proton.handlers import MessagingHandler
from proton.reactor import LinkOption
from proton.utils import BlockingConnection, LinkDetached, ConnectionClosed

CASES = {}


def case(fn):
    """Register a case under its function name."""
    CASES[fn.__name__] = fn
    return fn


class Case:
    def __init__(self, url, prefix, options):
        self.url = url
        self.options = options  # what the broker under test does (dlq, limits), from the test
        self.prefix = prefix  # "/queue/" on RabbitMQ, "" elsewhere
        self.stem = uuid.uuid4().hex[:8]

    def address(self, name):
        """A queue address of this run (unique, so cases never share a queue)."""
        return "%s%s-%s" % (self.prefix, name, self.stem)

    def connect(self, **kwargs):
        kwargs.setdefault("timeout", 10)
        return BlockingConnection(self.url, **kwargs)

    @contextmanager
    def queue(self, name):
        """A connection and a queue address of this run: `with c.queue("credit") as (conn, address):`.
        The connection is closed when the block ends, however it ends."""
        conn = self.connect()
        try:
            yield conn, self.address(name)
        finally:
            conn.close()


class Option(LinkOption):
    """A link option from a function (set max-message-size, a dynamic target, …)."""

    def __init__(self, fn):
        self.fn = fn

    def apply(self, link):
        self.fn(link)


class Item:
    def __init__(self, raw, delivery):
        self.raw = raw
        self.delivery = delivery
        self.message = Message()
        self.message.decode(raw)


class Collector(MessagingHandler):
    """A receiver's handler keeping each message's exact bytes and its delivery (nothing settled)."""

    def __init__(self):
        super(Collector, self).__init__(prefetch=0, auto_accept=False, auto_settle=False)
        self.items = []
        self.error = None

    def on_delivery(self, event):
        dlv, link = event.delivery, event.link
        if link.is_receiver and dlv.readable and not dlv.partial:
            raw = link.recv(dlv.pending)
            link.advance()
            self.items.append(Item(raw, dlv))

    def on_link_error(self, event):
        self.error = event.link.remote_condition


class Receiver:
    """A blocking receiver with manual credit and manual settlement of raw deliveries."""

    def __init__(self, conn, address, credit=0, dynamic=False, name=None, options=None):
        self.conn = conn
        self.collector = Collector()
        # keep the blocking wrapper alive: when it is collected it takes the handler off the link
        self.blocking = conn.create_receiver(address, credit=credit, dynamic=dynamic, handler=self.collector,
                                             name=name, options=options)
        self.link = self.blocking.link
        self.taken = 0

    @property
    def address(self):
        return self.link.remote_source.address

    def flow(self, n):
        self.link.flow(n)

    def wait_items(self, n, timeout=10):
        self.conn.wait(lambda: len(self.collector.items) - self.taken >= n, timeout=timeout,
                       msg="waiting for %d message(s)" % n)
        got = self.collector.items[self.taken:self.taken + n]
        self.taken += n
        return got

    def receive(self, timeout=10):
        if self.link.credit == 0:
            self.flow(1)
        return self.wait_items(1, timeout)[0]

    def nothing_for(self, seconds):
        """True when no further message arrives within `seconds` (an absence, so it must wait)."""
        settle_for(self.conn, seconds)
        return len(self.collector.items) == self.taken


def settle_for(conn, seconds):
    """Let the connection do its work for a while (dispositions out, frames in)."""
    end = time.time() + seconds
    while time.time() < end:
        conn.container.timeout = max(0.01, end - time.time())
        conn.container.process()


def outcome(item, kind, failed=False, undeliverable=False, annotations=None, condition=None):
    """Settle a received delivery with accepted / released / rejected / modified."""
    dlv = item.delivery
    if kind == "accepted":
        dlv.update(Delivery.ACCEPTED)
    elif kind == "released":
        dlv.update(Delivery.RELEASED)
    elif kind == "rejected":
        if condition:
            dlv.local.condition = condition
        dlv.update(Delivery.REJECTED)
    else:
        dlv.local.failed = failed
        dlv.local.undeliverable = undeliverable
        if annotations:
            dlv.local.annotations = annotations
        dlv.update(Delivery.MODIFIED)
    dlv.settle()


def send_raw(conn, sender, raw, timeout=10):
    """Send bytes as one message; returns the delivery once the broker settled it."""
    dlv = sender.link.delivery(uuid.uuid4().hex)
    sender.link.stream(raw)
    sender.link.advance()
    conn.wait(lambda: dlv.remote_state or dlv.settled, timeout=timeout, msg="waiting for an outcome")
    return dlv


def send(conn, sender, message):
    return send_raw(conn, sender, message.encode())


def outcome_name(dlv):
    return {Delivery.ACCEPTED: "accepted", Delivery.REJECTED: "rejected", Delivery.RELEASED: "released",
            Delivery.MODIFIED: "modified"}.get(dlv.remote_state, str(dlv.remote_state))


def sections(raw):
    """The message's sections as (descriptor, value) pairs, in order."""
    out, data = [], Data()
    while raw:
        n = data.decode(raw)
        raw = raw[n:]
        data.rewind()
        data.next()
        described = data.get_object()
        out.append((int(described.descriptor), described.value))
        data.clear()
    return out


def without_header(raw):
    """The bytes after a leading header section (brokers rewrite the header; nothing else)."""
    data = Data()
    n = data.decode(raw)
    data.rewind()
    data.next()
    return raw[n:] if int(data.get_object().descriptor) == 0x70 else raw


def condition_of(error):
    """A detach/close error condition as a dict."""
    if error is None:
        return None
    return {"condition": str(error.name), "description": error.description}


def link_refusal(fn):
    """Run fn (which opens a link); the refusal's condition, or None when the link opened."""
    try:
        fn()
        return None
    except LinkDetached as e:
        return {"condition": str(e.condition), "description": str(e)}
    except ConnectionClosed as e:
        return {"connection": True, "condition": str(e.condition), "description": str(e)}


def annotations_of(message):
    """Message-annotations with plain string keys."""
    return {str(k): v for k, v in (message.annotations or {}).items()}
