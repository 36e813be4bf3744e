#!/bin/sh
# deb post-remove: take back what after-install.sh put in place.
rm -f /etc/udev/rules.d/99-police-kiosk.rules /etc/xdg/autostart/police-kiosk.desktop
if command -v udevadm >/dev/null 2>&1; then
  udevadm control --reload-rules || true
fi
