#!/usr/bin/env bash
# Installs the Debian packages bilancio needs: Chromium (prints the PDF), fonts, poppler-utils
# (pdftotext, used by the tests), and the libraries the `canvas` module is built against (charts).
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
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installo i pacchetti Debian: ${missing[*]}"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
