#!/usr/bin/env bash
# Installs what polypseg needs beyond a JDK and Maven Central. Idempotent; safe to run again.
# - libtcmalloc-minimal4: PyTorch's CPU kernels run several times faster with tcmalloc.
# - chromium, chromium-driver: the real-browser test of the web page (headless).
# - Node.js 24 (+ npm 11) in .node/, from the npm registry: Vaadin's frontend build needs Node >= 24
#   and would otherwise try to download it from nodejs.org. Only needed when the frontend changes
#   (src/main/bundles/prod.bundle is reused otherwise), but installed always so a build never stalls.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"

packages=(libtcmalloc-minimal4 chromium chromium-driver)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  $SUDO apt-get update -qq || true
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi

NODE_VERSION=24.21.0
NPM_VERSION=11.19.1
if [ "$(.node/bin/node --version 2>/dev/null)" != "v$NODE_VERSION" ]; then
  command -v npm >/dev/null 2>&1 || { $SUDO apt-get update -qq || true; $SUDO apt-get install -y -qq npm; }
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) echo "no Node.js package for $(uname -m) on the npm registry" >&2; exit 1 ;;
  esac
  rm -rf .node
  npm install -g --prefix .node --no-audit --no-fund "node-linux-$arch@$NODE_VERSION" "npm@$NPM_VERSION"
fi
echo "setup done (node $(.node/bin/node --version), $(chromium --version 2>/dev/null || echo 'no chromium'))"
