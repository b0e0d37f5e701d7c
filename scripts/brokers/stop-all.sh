#!/usr/bin/env bash
# Stops what start-all.sh started (pids and node name from the state files), once no other live
# process still holds a lease on them; `--force` stops them regardless.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

[ -d "$AMQPFLOW_BROKERS_DIR" ] || { log "nothing to stop"; exit 0; }
exec 9>"$AMQPFLOW_BROKERS_DIR/.lock"
flock -w 120 9 || { log "another start-all.sh or stop-all.sh holds $AMQPFLOW_BROKERS_DIR/.lock"; exit 1; }

leases="$AMQPFLOW_BROKERS_DIR/leases"
mkdir -p "$leases"
rm -f "$leases/${AMQPFLOW_BROKERS_HOLDER:-$PPID}"
# A lease is live while its process runs (same pid and same start time, so a reused pid does not count).
others=()
for f in "$leases"/*; do
  [ -f "$f" ] || continue
  pid=$(basename "$f")
  if [ "$(cut -d' ' -f22 "/proc/$pid/stat" 2>/dev/null)" = "$(cat "$f")" ]; then others+=("$pid"); else rm -f "$f"; fi
done
if [ "${1:-}" != --force ] && [ ${#others[@]} -gt 0 ]; then
  log "brokers left running: still used by pid ${others[*]} (stop-all.sh --force stops them anyway)"
  exit 0
fi

here=$(dirname "$0")
bash "$here/stop-rabbitmq.sh" 9>&- &
bash "$here/stop-proton.sh" 9>&- &
wait
rm -f "$leases"/*
