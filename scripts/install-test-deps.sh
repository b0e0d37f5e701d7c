#!/usr/bin/env bash
# Installs what the test suite needs from Debian's packages when missing: Chromium for the browser
# tests, python3-qpid-proton (a non-rhea AMQP client, and the Proton example broker), websockify
# and RabbitMQ for the interop suite. Idempotent; quiet when everything is there.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
/usr/bin/python3 -c 'import proton' 2>/dev/null || need+=(python3-qpid-proton)
[ -f /usr/share/proton/examples/python/broker.py ] || need+=(libqpid-proton11-dev-examples)
command -v websockify >/dev/null 2>&1 || need+=(websockify)
command -v rabbitmq-server >/dev/null 2>&1 || need+=(rabbitmq-server)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing test dependencies: ${need[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
