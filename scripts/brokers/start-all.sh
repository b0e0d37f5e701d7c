#!/usr/bin/env bash
# Starts the interop brokers — a private RabbitMQ 3.10 node (AMQP 1.0 plugin) and Qpid Proton's
# example broker, each behind websockify on free loopback ports — and prints ONLY `export` lines:
#
#   eval "$(bash scripts/brokers/start-all.sh)"
#
# exports AMQPFLOW_{RABBITMQ,PROTON}_{WS,TCP}_URL. A broker that fails to start gets
# AMQPFLOW_<BROKER>_ERROR instead, so its tests fail with that reason; the other still starts.
# Idempotent: a healthy running set is reused. Every call takes a lease for its parent process
# (or $AMQPFLOW_BROKERS_HOLDER); stop-all.sh stops the brokers once no live process holds one.
# AMQPFLOW_SKIP_INTEROP=1 starts nothing (for machines without apt; the interop tests then skip).
set -uo pipefail
source "$(dirname "$0")/lib.sh"

if [ "${AMQPFLOW_SKIP_INTEROP:-}" = 1 ]; then
  log "AMQPFLOW_SKIP_INTEROP=1: not starting RabbitMQ or Proton"
  echo "export AMQPFLOW_SKIP_INTEROP=1"
  exit 0
fi

mkdir -p "$AMQPFLOW_BROKERS_DIR/leases"
exec 9>"$AMQPFLOW_BROKERS_DIR/.lock"
flock -w 120 9 || { log "another start-all.sh or stop-all.sh holds $AMQPFLOW_BROKERS_DIR/.lock"; exit 1; }

here=$(dirname "$0")
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# Both at once: Proton is up in well under a second, RabbitMQ takes ~6 s from cold.
bash "$here/start-rabbitmq.sh" >"$out/rabbitmq" 9>&- &
rabbit=$!
bash "$here/start-proton.sh" >"$out/proton" 9>&- &
proton=$!
status=0
if wait "$rabbit"; then cat "$out/rabbitmq"; else
  status=1
  printf 'export AMQPFLOW_RABBITMQ_ERROR=%q\n' \
    "RabbitMQ did not start (scripts/brokers/start-rabbitmq.sh); see $AMQPFLOW_BROKERS_DIR/rabbitmq/server.out and its log/ folder"
fi
if wait "$proton"; then cat "$out/proton"; else
  status=1
  printf 'export AMQPFLOW_PROTON_ERROR=%q\n' \
    "The Qpid Proton example broker did not start (scripts/brokers/start-proton.sh); see $AMQPFLOW_BROKERS_DIR/proton/broker.log"
fi

holder="${AMQPFLOW_BROKERS_HOLDER:-$PPID}"
started=$(cut -d' ' -f22 "/proc/$holder/stat" 2>/dev/null)
echo "$started" >"$AMQPFLOW_BROKERS_DIR/leases/$holder"
exit $status
