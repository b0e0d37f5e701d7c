#!/usr/bin/env bash
# Stops the Proton example broker and its websockify, exactly the pids start-proton.sh recorded.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

STATE="$AMQPFLOW_BROKERS_DIR/proton/state"
if read_state "$STATE"; then
  stop_pid "${WS_PID:-}" websockify
  stop_pid "${BROKER_PID:-}" broker.py
  rm -f "$STATE"
  log "proton: stopped"
else
  log "proton: not running (no state file)"
fi
