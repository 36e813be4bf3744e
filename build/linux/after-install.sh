#!/bin/sh
# deb post-install: device access rules and the kiosk session's autostart entry.
set -e
install -m 0644 "/opt/${sanitizedProductName}/linux/99-police-kiosk.rules" /etc/udev/rules.d/99-police-kiosk.rules
install -m 0644 "/opt/${sanitizedProductName}/linux/police-kiosk-autostart.desktop" /etc/xdg/autostart/police-kiosk.desktop
if command -v udevadm >/dev/null 2>&1; then
  udevadm control --reload-rules || true
  udevadm trigger || true
fi
