"""Runs one conformance case with Qpid Proton and prints its result as one JSON line.

Usage: run.py <case> <amqp://host:port> [json options]
Options: {"prefix": "/queue/"} for RabbitMQ's addresses, plus what a case needs to know about the
broker (e.g. "dlq": true when it dead-letters to <address>.dlq). Exit status 0 even when the
broker misbehaves: the JSON says what happened and the test decides.
"""
import json
import sys
import traceback
import uuid

from proton import Described, symbol, ulong

import cases_flow  # noqa: F401  (registers cases)
import cases_links  # noqa: F401
import cases_messages  # noqa: F401
import cases_outcomes  # noqa: F401
from support import CASES, Case


def plain(value):
    """JSON for what proton decodes (symbols, uuids, bytes, described values…)."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, bytes):
        return {"binary": value.hex()}
    if isinstance(value, uuid.UUID):
        return {"uuid": str(value)}
    if isinstance(value, Described):
        return {"descriptor": plain(value.descriptor), "value": plain(value.value)}
    if isinstance(value, (symbol, ulong)) or value is None or isinstance(value, (bool, int, float, str)):
        return value if not isinstance(value, symbol) else str(value)
    return repr(value)


def main():
    name, url = sys.argv[1], sys.argv[2]
    options = json.loads(sys.argv[3]) if len(sys.argv) > 3 else {}
    try:
        result = CASES[name](Case(url, options.get("prefix", ""), options))
        print(json.dumps({"ok": plain(result)}))
    except Exception as e:  # reported to the test, which shows it
        print(json.dumps({"error": "%s: %s" % (type(e).__name__, e), "trace": traceback.format_exc()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
