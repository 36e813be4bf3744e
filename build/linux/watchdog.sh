#!/bin/sh
# The kiosk's watchdog (run every 30 s by police-kiosk-watchdog.timer, as root).
# When police-kiosk.service has been active longer than STALE seconds and its heartbeat file
# has not been written for STALE seconds, the main process hangs: restart the service.
# The kiosk writes the file every 10 s, also while it shows the out-of-service notice.
set -eu
UNIT=police-kiosk.service
HEARTBEAT="${KIOSK_HEARTBEAT_FILE:-/run/police-kiosk/heartbeat.json}"
STALE="${KIOSK_HEARTBEAT_STALE_SECONDS:-90}"

systemctl is-active --quiet "$UNIT" || exit 0

now=$(date +%s)
# When the service became active, in seconds since the epoch (0 when systemd does not say).
entered=$(systemctl show -p ActiveEnterTimestamp --value "$UNIT")
since=$(date -d "$entered" +%s 2>/dev/null || echo 0)
if [ $((now - since)) -lt "$STALE" ]; then
  exit 0 # just started: give it time to write its first beat
fi

if [ -f "$HEARTBEAT" ]; then
  age=$((now - $(stat -c %Y "$HEARTBEAT")))
  [ "$age" -lt "$STALE" ] && exit 0
  reason="no heartbeat for ${age} s"
else
  reason="no heartbeat file ($HEARTBEAT)"
fi
echo "police-kiosk watchdog: $reason; restarting $UNIT" >&2
logger -t police-kiosk-watchdog "$reason; restarting $UNIT" 2>/dev/null || true
systemctl restart "$UNIT"
