#!/usr/bin/env bash
# Set-up for a fresh Debian/Ubuntu machine with Swift 6 installed: installs the
# system ICU (libicu-dev) and pkg-config when they are missing, then builds the
# release binary .build/release/vnextract.
#   ./setup.sh              install what is missing, then build (release)
#   ./setup.sh --deps-only  only install what is missing
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists icu-uc; then
    echo "setup: installing libicu-dev and pkg-config" >&2
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq libicu-dev pkg-config >/dev/null
fi
echo "setup: ICU $(pkg-config --modversion icu-uc)" >&2

if [ "${1:-}" != "--deps-only" ]; then
    swift build -c release --product vnextract
    echo "setup: built .build/release/vnextract" >&2
fi
