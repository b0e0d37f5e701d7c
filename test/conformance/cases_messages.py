"""Messages round trip unchanged: every body section kind and every property and header field."""
import uuid

from proton import Data, Message, byte, char, decimal32, decimal64, float32, int32, short, symbol, timestamp, ubyte, \
    uint, ulong, ushort

from support import Receiver, case, outcome, send, send_raw, sections, without_header, outcome_name


def described_bytes(code, put):
    """Encode one described section whose value `put` writes into a Data."""
    data = Data()
    data.put_described()
    data.enter()
    data.put_ulong(code)
    put(data)
    data.exit()
    return data.encode()


BODIES = {
    "amqp-value string": lambda: Message(body="hello, world ✓").encode(),
    "data section": lambda: Message(body=b"\x00\x01binary\xff", inferred=True).encode(),
    "two data sections": lambda: described_bytes(0x75, lambda d: d.put_binary(b"first part ")) +
    described_bytes(0x75, lambda d: d.put_binary(b"\x00second part")),
    "amqp-value map": lambda: Message(body={"a": 1, "nested": {"list": [1, "two", 3.5]}, symbol("sym"): None}).encode(),
    "amqp-value list": lambda: Message(body=[1, "two", True, None, [3, 4]]).encode(),
    "amqp-value numbers": lambda: Message(body=[byte(-1), ubyte(255), short(-300), ushort(60000), int32(-70000),
                                                 uint(4000000000), -2 ** 40, ulong(2 ** 63), float32(1.5), 2.25,
                                                 decimal32(7), decimal64(9), char("x"),
                                                 timestamp(1700000000000), uuid.UUID(int=42)]).encode(),
    "amqp-value binary": lambda: Message(body=b"not a data section").encode(),
    "amqp-sequence": lambda: Message(body=[1, "two", 3.0], inferred=True).encode(),
    "amqp-value null": lambda: Message(body=None).encode(),
}


@case
def body_round_trips(c):
    """Each body kind sent as exact bytes comes back byte for byte (after the header) and decodes the same.
    Every kind gets its own connection, so a broker that fails one still shows what it does with the rest."""
    out = {}
    for name, encode in BODIES.items():
        conn = c.connect()
        address = c.address("body")
        try:
            sender = conn.create_sender(address)
            receiver = Receiver(conn, address)
            raw = encode()
            dlv = send_raw(conn, sender, raw)
            item = receiver.receive()
            outcome(item, "accepted")
            out[name] = {
                "outcome": outcome_name(dlv),
                "same_bytes": without_header(item.raw) == without_header(raw),
                "sections": ["0x%x" % code for code, _ in sections(item.raw)],
            }
        except Exception as e:  # a broker that fails a kind: say how
            out[name] = {"error": "%s: %s" % (type(e).__name__, e)}
        finally:
            try:
                conn.close()
            except Exception:
                pass
    return out


def full_message():
    m = Message()
    m.id = "message-1"
    m.address = "somewhere"
    m.subject = "a subject"
    m.reply_to = "replies"
    m.correlation_id = uuid.UUID(int=7)
    m.content_type = symbol("application/json")
    m.content_encoding = symbol("utf-8")
    m.expiry_time = 4102444800.0  # 2100-01-01, seconds
    m.creation_time = 1700000000.0
    m.group_id = "group"
    m.group_sequence = 3
    m.reply_to_group_id = "reply group"
    m.durable = True
    m.priority = 7
    m.ttl = 3600.0
    m.first_acquirer = True
    m.annotations = {symbol("x-opt-note"): "ma", symbol("x-opt-number"): 5}
    m.properties = {"string": "s", "int": int32(-5), "long": 2 ** 40, "double": 1.25, "bool": True,
                    "uuid": uuid.UUID(int=9), "binary": b"\x01\x02", "null": None, "ubyte": ubyte(3),
                    "timestamp": timestamp(1700000000000), "symbol": symbol("sym")}
    m.body = "body"
    return m


FIELDS = ["id", "address", "subject", "reply_to", "correlation_id", "content_type",
          "content_encoding", "expiry_time", "creation_time", "group_id", "group_sequence", "reply_to_group_id",
          "durable", "priority", "ttl", "first_acquirer", "annotations", "properties", "body"]


def delivery_annotations(c):
    """Delivery-annotations on their own connection (a broker may fail the connection over them)."""
    conn = c.connect()
    address = c.address("instructions")
    try:
        sender = conn.create_sender(address)
        receiver = Receiver(conn, address)
        send(conn, sender, Message(body="da", instructions={symbol("x-opt-delivery-note"): "da"}))
        item = receiver.receive()
        outcome(item, "accepted")
        return {str(k): v for k, v in (item.message.instructions or {}).items()}
    except Exception as e:
        return {"error": "%s: %s" % (type(e).__name__, e)}
    finally:
        try:
            conn.close()
        except Exception:
            pass


@case
def properties_round_trip(c):
    """Every property, header field, annotation and application property arrives as sent."""
    with c.queue("props") as (conn, address):
        sender = conn.create_sender(address)
        receiver = Receiver(conn, address)
        sent = full_message()
        sent.address = address
        other = Message(body="ids", id=ulong(42), correlation_id=b"\x01binary-id")
        send(conn, sender, sent)
        send(conn, sender, other)
        receiver.flow(2)
        got, got_other = receiver.wait_items(2)
        for item in (got, got_other):
            outcome(item, "accepted")
        m = got.message
        same = {f: repr(getattr(m, f)) == repr(getattr(sent, f)) for f in FIELDS}
        differ = {f: [repr(getattr(sent, f)), repr(getattr(m, f))] for f in FIELDS if not same[f]}
        ids = {"ulong id": [type(got_other.message.id).__name__, int(got_other.message.id)],
               "binary correlation id": got_other.message.correlation_id == b"\x01binary-id",
               "property types": {k: type(v).__name__ for k, v in m.properties.items()}}
        return {"same": same, "differ": differ, "ids": ids, "delivery_count": m.delivery_count,
                "delivery_annotations": delivery_annotations(c)}


@case
def property_types(c):
    """The Python types Proton decodes a waiting message's application properties to (int32, long, …)."""
    conn = c.connect()
    try:
        receiver = Receiver(conn, c.options["address"])
        item = receiver.receive()
        outcome(item, "accepted")
        return {k: type(v).__name__ for k, v in (item.message.properties or {}).items()}
    finally:
        conn.close()
