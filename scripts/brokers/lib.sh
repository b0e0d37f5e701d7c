# Shared by the broker scripts: the state folder, free ports, readiness checks, logging to stderr.
# Sourced, never run. Everything printed here goes to stderr: stdout is reserved for `export` lines.

AMQPFLOW_BROKERS_DIR="${AMQPFLOW_BROKERS_DIR:-/tmp/amqpflow-brokers}"
BROKERS_LIB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

log() { echo "[brokers] $*" >&2; }

# Prints N free TCP ports on 127.0.0.1 (all held open at once, so they are distinct).
free_ports() {
  node -e '
    const net = require("node:net");
    const n = Number(process.argv[1]);
    const servers = Array.from({ length: n }, () => net.createServer());
    Promise.all(servers.map((s) => new Promise((ok, fail) => s.once("error", fail).listen(0, "127.0.0.1", () => ok(s.address().port)))))
      .then((ports) => { console.log(ports.join(" ")); servers.forEach((s) => s.close()); })
      .catch((e) => { console.error(e.message); process.exit(1); });
  ' "$1"
}

# True when something accepts TCP connections on 127.0.0.1:$1.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Waits up to $2 seconds (default 10) for 127.0.0.1:$1 to accept connections.
wait_port() {
  local port=$1 limit=$(( ${2:-10} * 10 )) i
  for (( i = 0; i < limit; i++ )); do port_open "$port" && return 0; sleep 0.1; done
  return 1
}

# True when pid $1 is alive and its command line contains $2.
pid_is() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null && tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -q -- "$2"; }

# Stops pid $1 (only if its command line contains $2): TERM, then KILL after $3 seconds (default 3).
stop_pid() {
  local pid=$1 limit=$(( ${3:-3} * 10 )) i
  pid_is "$pid" "$2" || return 0
  kill "$pid" 2>/dev/null
  for (( i = 0; i < limit; i++ )); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null
  return 0
}

# Starts websockify 127.0.0.1:$1 → 127.0.0.1:$2 in its own session; prints its pid. Logs to $3.
start_websockify() {
  local ws=$1 tcp=$2 logfile=$3
  setsid websockify "127.0.0.1:$ws" "127.0.0.1:$tcp" </dev/null >"$logfile" 2>&1 &
  local pid=$!
  if ! wait_port "$ws" 10; then
    log "websockify on $ws did not start; see $logfile"
    stop_pid "$pid" websockify
    return 1
  fi
  echo "$pid"
}

# Reads KEY=value lines of a state file into variables (values are plain words and numbers).
read_state() {
  local file=$1 key value
  [ -f "$file" ] || return 1
  while IFS='=' read -r key value; do
    [[ $key =~ ^[A-Z_]+$ ]] && printf -v "$key" '%s' "$value"
  done <"$file"
}

# Runs its arguments as root (directly when we are root, else through sudo).
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# Installs Debian packages that are missing (the test dependency installer normally did it already).
ensure_packages() {
  [ $# -eq 0 ] && return 0
  log "installing: $*"
  as_root apt-get update -qq >&2 || true
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
}
