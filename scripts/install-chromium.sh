#!/usr/bin/env bash
# The portal's browser tests drive Debian's chromium (issue 16, ADR 0051): installed from the
# distribution, never downloaded by a test. Nothing to do when it is already there.
set -euo pipefail
if [ ! -x /usr/bin/chromium ]; then
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
# A Chinese font, so the screenshots people look at show text rather than empty boxes; the
# stylesheet names it among its fonts.
if [ ! -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ]; then
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-wqy-microhei >/dev/null
fi
