#!/bin/sh
# Starts Chromium with its profile on a small disk of its own: a tmpfs mounted over the profile directory in a
# private mount namespace (unshare, no root needed where user namespaces are allowed; gone when Chromium exits).
# tests/e2e/reliability-quota.test.mjs fills that disk through /proc/<pid>/root to make the real IndexedDB refuse
# writes: unlimitedStorage (which Beatwatch holds) makes Chromium ignore DevTools' quota override for the extension.
# Environment: BEATWATCH_DISK_DIR (the profile directory), BEATWATCH_DISK_SIZE (e.g. 128m), BEATWATCH_DISK_BROWSER
# (the real Chromium). The namespace's first process writes its pid to "$BEATWATCH_DISK_DIR.pid".
set -e
exec unshare --user --map-root-user --mount sh -c '
  mount -t tmpfs -o size="$BEATWATCH_DISK_SIZE" tmpfs "$BEATWATCH_DISK_DIR"
  echo $$ > "$BEATWATCH_DISK_DIR.pid"
  exec "$BEATWATCH_DISK_BROWSER" "$@"' sh "$@"
