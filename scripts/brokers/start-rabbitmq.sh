#!/usr/bin/env bash
# Starts a private RabbitMQ 3.10 node with the AMQP 1.0 plugin on free loopback ports (its own node
# name, AMQP and distribution ports, mnesia, logs, plugins and pid files), behind websockify, and
# prints the `export` lines with both URLs. It never touches a system node or its files. Reuses a
# healthy running node recorded in the state file. Logs go to stderr; state in $AMQPFLOW_BROKERS_DIR/rabbitmq.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

DIR="$AMQPFLOW_BROKERS_DIR/rabbitmq"
STATE="$DIR/state"
# One node name per state folder, so two folders (say, a test of these scripts) never share a node.
NODENAME="${AMQPFLOW_RABBITMQ_NODENAME:-amqpflow-$(printf '%s' "$AMQPFLOW_BROKERS_DIR" | md5sum | cut -c1-8)@$(hostname -s)}"
mkdir -p "$DIR"

print_exports() {
  echo "export AMQPFLOW_RABBITMQ_WS_URL=ws://127.0.0.1:$WS_PORT/"
  echo "export AMQPFLOW_RABBITMQ_TCP_URL=amqp://127.0.0.1:$AMQP_PORT"
}

node_pid() { cat "$DIR/rabbitmq.pid" 2>/dev/null; }

# Runs a RabbitMQ command as user rabbitmq with this node's environment.
as_rabbitmq() {
  local run=()
  if [ "$(id -u)" = 0 ]; then run=(runuser -u rabbitmq --)
  elif [ "$(id -un)" != rabbitmq ]; then run=(sudo -u rabbitmq --)
  fi
  "${run[@]}" env -C "$DIR" HOME=/var/lib/rabbitmq \
    RABBITMQ_NODENAME="$NODENAME" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 \
    RABBITMQ_NODE_PORT="$AMQP_PORT" RABBITMQ_DIST_PORT="$DIST_PORT" \
    RABBITMQ_MNESIA_BASE="$DIR/mnesia" RABBITMQ_LOG_BASE="$DIR/log" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$DIR/enabled_plugins" RABBITMQ_PID_FILE="$DIR/rabbitmq.pid" \
    RABBITMQ_CONFIG_FILE="$DIR/rabbitmq.conf" RABBITMQ_ADVANCED_CONFIG_FILE="$DIR/advanced.config" \
    RABBITMQ_CONF_ENV_FILE="$DIR/rabbitmq-env.conf" ERL_EPMD_ADDRESS=127.0.0.1 \
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS='-kernel inet_dist_use_interface {127,0,0,1}' \
    "$@"
}

if read_state "$STATE" && pid_is "$(node_pid)" beam && pid_is "${WS_PID:-}" websockify \
  && port_open "$AMQP_PORT" && port_open "$WS_PORT"; then
  log "rabbitmq: reusing node $NODENAME (amqp 127.0.0.1:$AMQP_PORT, ws 127.0.0.1:$WS_PORT)"
  print_exports
  exit 0
fi
# Whatever is left of an earlier set is ours: clear it before starting again.
if [ -f "$STATE" ] || [ -f "$DIR/rabbitmq.pid" ]; then
  stop_pid "${WS_PID:-}" websockify
  stop_pid "$(node_pid)" beam
  rm -f "$STATE" "$DIR/rabbitmq.pid"
fi

need=()
command -v rabbitmq-server >/dev/null 2>&1 || need+=(rabbitmq-server)
command -v websockify >/dev/null 2>&1 || need+=(websockify)
ensure_packages "${need[@]}" || { log "rabbitmq: could not install ${need[*]}"; exit 1; }
id rabbitmq >/dev/null 2>&1 || { log "rabbitmq: there is no user 'rabbitmq' (is rabbitmq-server installed?)"; exit 1; }

read -r AMQP_PORT DIST_PORT WS_PORT <<<"$(free_ports 3)"
# epmd (Erlang's name server) outlives the node; stop-rabbitmq.sh ends it only if we started it.
EPMD_OURS=0; port_open 4369 || EPMD_OURS=1
# A fresh node every cold start: empty mnesia, our own config files, only the AMQP 1.0 plugin.
rm -rf "$DIR/mnesia" "$DIR/log"
mkdir -p "$DIR/mnesia" "$DIR/log"
echo '[rabbitmq_amqp1_0].' >"$DIR/enabled_plugins"
printf 'log.console = false\nlog.file.level = info\n' >"$DIR/rabbitmq.conf"
: >"$DIR/rabbitmq-env.conf"
chown -R rabbitmq:rabbitmq "$DIR" 2>/dev/null || as_root chown -R rabbitmq:rabbitmq "$DIR"

T0=$SECONDS
setsid bash -c "$(declare -f as_rabbitmq); $(declare -p DIR NODENAME AMQP_PORT DIST_PORT); as_rabbitmq /usr/lib/rabbitmq/bin/rabbitmq-server" \
  </dev/null >"$DIR/server.out" 2>&1 &
RUNNER=$!
ready=0
for (( i = 0; i < 300; i++ )); do
  if port_open "$AMQP_PORT"; then ready=1; break; fi
  kill -0 "$RUNNER" 2>/dev/null || break
  sleep 0.1
done
if [ $ready = 0 ]; then
  log "rabbitmq: node $NODENAME did not open 127.0.0.1:$AMQP_PORT within 30 s; see $DIR/server.out and $DIR/log/"
  stop_pid "$(node_pid)" beam
  pkill -TERM -s "$RUNNER" 2>/dev/null  # the node's own process session, started by setsid above
  if [ $EPMD_OURS = 1 ] && ! epmd -names 2>/dev/null | grep -q '^name '; then epmd -kill >/dev/null 2>&1; fi
  exit 1
fi
# The node writes its pid file early in boot; wait for it so stop-rabbitmq.sh can find the node.
for (( i = 0; i < 50; i++ )); do [ -s "$DIR/rabbitmq.pid" ] && break; sleep 0.1; done
WS_PID=$(start_websockify "$WS_PORT" "$AMQP_PORT" "$DIR/websockify.log") || { stop_pid "$(node_pid)" beam; exit 1; }
printf 'NODENAME=%s\nAMQP_PORT=%s\nDIST_PORT=%s\nWS_PORT=%s\nWS_PID=%s\nEPMD_OURS=%s\n' \
  "$NODENAME" "$AMQP_PORT" "$DIST_PORT" "$WS_PORT" "$WS_PID" "$EPMD_OURS" >"$STATE"
log "rabbitmq: node $NODENAME ready in $(( SECONDS - T0 ))s (amqp 127.0.0.1:$AMQP_PORT, ws 127.0.0.1:$WS_PORT)"
print_exports
