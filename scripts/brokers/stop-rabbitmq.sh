#!/usr/bin/env bash
# Stops the private RabbitMQ node and its websockify, exactly the pids start-rabbitmq.sh recorded.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

DIR="$AMQPFLOW_BROKERS_DIR/rabbitmq"
STATE="$DIR/state"
node_pid=$(cat "$DIR/rabbitmq.pid" 2>/dev/null)
if read_state "$STATE" || [ -n "$node_pid" ]; then
  stop_pid "${WS_PID:-}" websockify
  # The node shuts down cleanly on SIGTERM, faster than starting rabbitmqctl to ask it.
  stop_pid "$node_pid" beam 10
  rm -f "$STATE" "$DIR/rabbitmq.pid"
  # epmd outlives Erlang nodes; end it only when this script's node started it and no node is left.
  if [ "${EPMD_OURS:-0}" = 1 ] && command -v epmd >/dev/null && ! epmd -names 2>/dev/null | grep -q '^name '; then
    epmd -kill >/dev/null 2>&1
  fi
  log "rabbitmq: stopped"
else
  log "rabbitmq: not running (no state file)"
fi
