#!/usr/bin/env bash
# One command for a fresh Debian 12 machine: system packages, npm dependencies (with the system
# Chromium instead of a downloaded one), then the report of the embedded Brescia project in out/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system.sh
PUPPETEER_SKIP_DOWNLOAD=1 npm ci
npx bilancio build
