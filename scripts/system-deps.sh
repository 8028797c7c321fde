#!/usr/bin/env bash
# Installs the Debian packages the test suite uses, when they are missing:
#   chromium      browser tests of the dashboard (playwright-core drives /usr/bin/chromium)
#   redis-server  the BullMQ cluster tests start their own redis-server on 127.0.0.1
# Runs as part of `npm test`. Needs root for apt-get; without root it says what is missing,
# and the tests that need it are skipped with that reason.
set -u
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: installing ${need[*]} (apt-get)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
    || { echo "system-deps: apt-get install ${need[*]} failed" >&2; exit 1; }
else
  echo "system-deps: missing ${need[*]}; install them as root (apt-get install -y ${need[*]}) or the tests that need them are skipped" >&2
fi
exit 0
