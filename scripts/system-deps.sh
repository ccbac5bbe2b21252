#!/usr/bin/env bash
# Installs the Debian packages coach needs, when they are missing.
#   libasound2-dev  ALSA headers: simpleaudio compiles against them
#   espeak-ng       optional voice cues
#   python3-venv    only when this Python cannot make a virtual environment
# With --test (what `make test` runs), also what the tests drive for real:
#   dbus             dbus-daemon: the reminder tests run a private session bus
#   systemd          systemd-analyze: the reminder tests check the timer's OnCalendar= values
#   chromium         the report's HTML opened, screenshotted and printed headless
#   poppler-utils    pdftoppm/pdfinfo read the PDFs back
#   fonts-dejavu-core the PDF's Unicode font, so a note prints as typed
#   fonts-droid-fallback, fonts-noto-color-emoji  the PDF's fallbacks: Chinese, Japanese,
#                    Korean (7 MB) and emoji (11 MB), which DejaVu Sans does not have
# Runs apt-get as root or through sudo; otherwise names the packages and stops.
set -euo pipefail

PYTHON=${PYTHON:-python3}
missing=()
[ -f /usr/include/alsa/asoundlib.h ] || missing+=(libasound2-dev)
command -v espeak-ng >/dev/null 2>&1 || missing+=(espeak-ng)
"$PYTHON" -c 'import ensurepip, venv' >/dev/null 2>&1 || missing+=(python3-venv)
if [ "${1:-}" = --test ]; then
    command -v dbus-daemon >/dev/null 2>&1 || missing+=(dbus)
    command -v systemd-analyze >/dev/null 2>&1 || missing+=(systemd)
    command -v chromium >/dev/null 2>&1 || missing+=(chromium)
    command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
    [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
    [ -f /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf ] || missing+=(fonts-droid-fallback)
    [ -f /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ] || missing+=(fonts-noto-color-emoji)
fi

[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
    SUDO=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n)
else
    SUDO=(none)
fi

if [ "${SUDO[0]:-}" = none ] || ! command -v apt-get >/dev/null 2>&1; then
    if [ -f /usr/include/alsa/asoundlib.h ]; then
        # Only optional packages are missing: carry on without them.
        echo "coach: optional packages missing (${missing[*]}); voice cues need espeak-ng; the tests need the rest." >&2
        exit 0
    fi
    echo "coach needs the ALSA headers: install libasound2-dev (Debian/Ubuntu), alsa-lib-devel (Fedora) or alsa-lib (Arch), then run make again." >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
echo "coach: installing ${missing[*]} with apt-get" >&2
"${SUDO[@]}" apt-get update -qq >/dev/null
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
