"""A peer nobody here wrote, for the conformance journeys: Qpid Proton's Python client.

Usage:
  proton_peer.py send-data <amqp://host:port> <address> <hex> [<hex>…]   one data-section message per hex string,
                                                                           application properties seq (int), total (long)
  proton_peer.py receive <amqp://host:port> <address>                    one message: its application properties
                                                                           with the AMQP type each arrived as
Prints one JSON line.
"""
import json
import sys

from proton import Message, int32
from proton.utils import BlockingConnection

# the Python class Proton decodes each AMQP number type to
AMQP_TYPE = {
    "byte": "byte", "short": "short", "int32": "int", "int": "long",
    "ubyte": "ubyte", "ushort": "ushort", "uint": "uint", "ulong": "ulong",
    "float32": "float", "float": "double", "bool": "boolean", "str": "string", "symbol": "symbol",
}


def send_data(url, address, hexes):
    conn = BlockingConnection(url, timeout=10)
    sender = conn.create_sender(address)
    for h in hexes:
        # inferred: bytes go as a data section, not as an amqp-value binary
        # with an application property of each of two AMQP types: int (int32) and long (a Python int)
        sender.send(Message(body=bytes.fromhex(h), inferred=True, properties={"seq": int32(len(h)), "total": len(hexes)}))
    conn.close()
    return {"sent": len(hexes)}


def receive(url, address):
    conn = BlockingConnection(url, timeout=10)
    receiver = conn.create_receiver(address, credit=1)
    message = receiver.receive(timeout=10)
    receiver.accept()
    conn.close()
    props = message.properties or {}
    return {"applicationProperties": {k: {"value": v, "type": AMQP_TYPE.get(type(v).__name__, type(v).__name__)} for k, v in props.items()}}


def main():
    command, url, address = sys.argv[1], sys.argv[2], sys.argv[3]
    result = send_data(url, address, sys.argv[4:]) if command == "send-data" else receive(url, address)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
