#!/usr/bin/env bash
# Installs the Debian packages bilancio needs: Chromium (prints the PDF), fonts, poppler-utils
# (pdftotext, used by the tests), and the libraries the `canvas` module is built against (charts).
# Chromium's headless shell prints the PDF quicker than the full browser; where Debian has no such
# package, the full browser prints it.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

if ! command -v node >/dev/null 2>&1 || [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
  echo "bilancio richiede Node.js 20 o successivo (trovato: $(node --version 2>/dev/null || echo nessuno))." >&2
  exit 2
fi

PACKAGES=(
  chromium
  poppler-utils
  fonts-dejavu-core fonts-liberation2 fonts-noto-core
  build-essential pkg-config python3
  libcairo2-dev libpango1.0-dev libjpeg-dev libgif-dev librsvg2-dev
)
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
missing=()
for p in "${PACKAGES[@]}"; do
  installed "$p" || missing+=("$p")
done
updated=""
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installo i pacchetti Debian: ${missing[*]}"
  $SUDO apt-get update -qq
  updated=1
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
if ! installed chromium-headless-shell; then
  if [ -z "$updated" ]; then $SUDO apt-get update -qq || true; fi
  $SUDO apt-get install -y -qq --no-install-recommends chromium-headless-shell ||
    echo "Il pacchetto chromium-headless-shell non è disponibile: il PDF sarà stampato da chromium, più lentamente." >&2
fi
