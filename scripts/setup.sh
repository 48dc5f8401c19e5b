#!/usr/bin/env bash
# Installs what polypseg needs beyond a JDK and Maven Central. Idempotent.
# - libtcmalloc-minimal4: PyTorch's CPU kernels run several times faster with tcmalloc.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
packages=(libtcmalloc-minimal4)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  $SUDO apt-get update -qq || true
  $SUDO apt-get install -y -qq "${missing[@]}"
fi
echo "setup done"
