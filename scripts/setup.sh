#!/usr/bin/env bash
# Installs what polypseg needs beyond a JDK and Maven Central. Idempotent; safe to run again.
# - libtcmalloc-minimal4: PyTorch's CPU kernels run several times faster with tcmalloc.
# - fontconfig, fonts-dejavu-core: fonts for the charts the JVM draws (training curves, reports).
# - chromium, chromium-driver: the real-browser test of the web page (headless).
# - poppler-utils, libreoffice-writer-nogui, fonts-liberation: the report tests render the PDF
#   with pdftoppm and convert the Word report with LibreOffice headless (Liberation Sans stands in
#   for the template's Arial with the same metrics). Only the tests need them; the app does not.
# - Node.js 24 (+ npm 11) in .node/, from the npm registry: Vaadin's frontend build needs Node >= 24
#   and would otherwise try to download it from nodejs.org. Only used when the frontend changes
#   (src/main/bundles/prod.bundle is reused otherwise), but installed always so a build never stalls.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
packages=(libtcmalloc-minimal4 fontconfig fonts-dejavu-core chromium chromium-driver)
# Installed without "recommended" extras: LibreOffice's would pull in a desktop's worth.
lean_packages=(poppler-utils libreoffice-writer-nogui fonts-liberation)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
missing_lean=()
for p in "${lean_packages[@]}"; do
  # A LibreOffice that is already there (e.g. the desktop one) serves as well; the nogui
  # package would replace it.
  [ "$p" = libreoffice-writer-nogui ] && command -v soffice >/dev/null 2>&1 && continue
  dpkg -s "$p" >/dev/null 2>&1 || missing_lean+=("$p")
done
if [ ${#missing[@]} -gt 0 ] || [ ${#missing_lean[@]} -gt 0 ]; then
  $SUDO apt-get update -qq || true
fi
if [ ${#missing[@]} -gt 0 ]; then
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi
if [ ${#missing_lean[@]} -gt 0 ]; then
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing_lean[@]}"
fi

NODE_VERSION=24.21.0
NPM_VERSION=11.19.1
if [ "$(.node/bin/node --version 2>/dev/null)" != "v$NODE_VERSION" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    $SUDO apt-get update -qq || true
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm
  fi
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) echo "no Node.js package for $(uname -m) on the npm registry" >&2; exit 1 ;;
  esac
  rm -rf .node
  npm install -g --prefix .node --no-audit --no-fund "node-linux-$arch@$NODE_VERSION" "npm@$NPM_VERSION"
fi
echo "setup done (node $(.node/bin/node --version); $(chromium --version 2>/dev/null || echo 'no chromium'))"
