#!/usr/bin/env bash
# Installs what polypseg needs beyond a JDK and Maven Central. Idempotent.
# - libtcmalloc-minimal4: PyTorch's CPU kernels run several times faster with tcmalloc.
# - fontconfig, fonts-dejavu-core: fonts for the charts the JVM draws (training curves, reports).
# - poppler-utils, libreoffice-writer-nogui, fonts-liberation: the report tests render the PDF
#   with pdftoppm and convert the Word report with LibreOffice headless (Liberation Sans stands in
#   for the template's Arial with the same metrics). Only the tests need them; the app does not.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
packages=(libtcmalloc-minimal4 fontconfig fonts-dejavu-core)
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
  $SUDO apt-get install -y -qq "${missing[@]}"
fi
if [ ${#missing_lean[@]} -gt 0 ]; then
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing_lean[@]}"
fi
echo "setup done"
