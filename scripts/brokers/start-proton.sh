#!/usr/bin/env bash
# Starts Qpid Proton's example broker on a free loopback port, behind websockify on another, and
# prints the `export` lines with both URLs. Reuses a healthy running pair recorded in the state file.
# Logs go to stderr; the state (ports, pids, logs) lives in $AMQPFLOW_BROKERS_DIR/proton.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

EXAMPLE=/usr/share/proton/examples/python/broker.py
DIR="$AMQPFLOW_BROKERS_DIR/proton"
STATE="$DIR/state"
mkdir -p "$DIR"

print_exports() {
  echo "export AMQPFLOW_PROTON_WS_URL=ws://127.0.0.1:$WS_PORT/"
  echo "export AMQPFLOW_PROTON_TCP_URL=amqp://127.0.0.1:$TCP_PORT"
}

if read_state "$STATE" && pid_is "${BROKER_PID:-}" broker.py && pid_is "${WS_PID:-}" websockify \
  && port_open "$TCP_PORT" && port_open "$WS_PORT"; then
  log "proton: reusing the running broker (amqp 127.0.0.1:$TCP_PORT, ws 127.0.0.1:$WS_PORT)"
  print_exports
  exit 0
fi
# Whatever is left of an earlier set is ours: clear it before starting again.
if [ -f "$STATE" ]; then
  stop_pid "${WS_PID:-}" websockify
  stop_pid "${BROKER_PID:-}" broker.py
  rm -f "$STATE"
fi

need=()
/usr/bin/python3 -c 'import proton' 2>/dev/null || need+=(python3-qpid-proton)
[ -f "$EXAMPLE" ] || need+=(libqpid-proton11-dev-examples)
command -v websockify >/dev/null 2>&1 || need+=(websockify)
ensure_packages "${need[@]}" || { log "proton: could not install ${need[*]}"; exit 1; }

read -r TCP_PORT WS_PORT <<<"$(free_ports 2)"
# Debian's own python3 has the proton module; another python3 on PATH may not.
setsid /usr/bin/python3 "$EXAMPLE" -a "127.0.0.1:$TCP_PORT" </dev/null >"$DIR/broker.log" 2>&1 &
BROKER_PID=$!
if ! wait_port "$TCP_PORT" 10; then
  log "proton: the example broker did not listen on $TCP_PORT; see $DIR/broker.log"
  stop_pid "$BROKER_PID" broker.py
  exit 1
fi
WS_PID=$(start_websockify "$WS_PORT" "$TCP_PORT" "$DIR/websockify.log") || { stop_pid "$BROKER_PID" broker.py; exit 1; }
printf 'TCP_PORT=%s\nWS_PORT=%s\nBROKER_PID=%s\nWS_PID=%s\n' "$TCP_PORT" "$WS_PORT" "$BROKER_PID" "$WS_PID" >"$STATE"
log "proton: ready (amqp 127.0.0.1:$TCP_PORT, ws 127.0.0.1:$WS_PORT)"
print_exports
