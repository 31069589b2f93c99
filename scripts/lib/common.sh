# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by the scripts in scripts/: install what is missing, configure and build.
# Sourced, not run. Every function is idempotent: a second run installs and rebuilds nothing needlessly.

LIPA_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
LIPA_BUILD_DIR=${LIPA_BUILD_DIR:-$LIPA_ROOT/build}

# Debian 12 packages the build and the tests need.
LIPA_BUILD_PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-l10n-tools libgl-dev libqt6sql6-sqlite qtkeychain-qt6-dev
    qt6-serialport-dev # serial ESC/POS receipt printers (printer/escpos = serial:…)
    libqrencode-dev    # the QR code of a card/QR checkout
    libqt6sql6-psql # Qt's PostgreSQL driver: the till loads it only for a shop database, but it must be there
    tzdata fonts-dejavu-core
    poppler-utils # pdftotext: the receipt and report tests read back the PDFs they print
    python3 curl  # clients no one here wrote, driving the simulator in the tests
)

# What the tests need on top: the shop-database tests start PostgreSQL servers of their own.
LIPA_TEST_PACKAGES=(postgresql libzxing-dev) # libzxing-dev: a test reads the QR code back from the screen

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# Installs the named Debian packages that are not installed yet, as root or through sudo.
ensure_packages() {
    local missing=()
    local pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0

    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            sudo=(sudo)
        else
            echo "These packages are missing and this user cannot install them: ${missing[*]}" >&2
            echo "Run as root: apt-get install ${missing[*]}" >&2
            exit 1
        fi
    fi
    log "Installing ${missing[*]}"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# IntaSend's official Node SDK, which the client tests (tests/clients) drive against the simulator: installed
# once with npm into build/node-clients, where every build directory of this tree finds it. Node and npm
# come from Debian unless there already are a node and an npm.
LIPA_NODE_CLIENTS_DIR=$LIPA_ROOT/build/node-clients
LIPA_INTASEND_NODE_VERSION=1.1.2
ensure_node_clients() {
    command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || ensure_packages nodejs npm
    local manifest="$LIPA_NODE_CLIENTS_DIR/node_modules/intasend-node/package.json"
    if [ -f "$manifest" ] &&
        [ "$(node -p "require(process.argv[1]).version" "$manifest" 2>/dev/null)" = "$LIPA_INTASEND_NODE_VERSION" ]; then
        return 0
    fi
    log "Installing intasend-node $LIPA_INTASEND_NODE_VERSION into $LIPA_NODE_CLIENTS_DIR"
    mkdir -p "$LIPA_NODE_CLIENTS_DIR"
    npm install --prefix "$LIPA_NODE_CLIENTS_DIR" --no-audit --no-fund --loglevel=error \
        "intasend-node@$LIPA_INTASEND_NODE_VERSION"
}

# Configures (once) and builds the tree in $LIPA_BUILD_DIR. Extra arguments go to the first configure.
build_lipa() {
    if [ ! -f "$LIPA_BUILD_DIR/build.ninja" ]; then
        log "Configuring in $LIPA_BUILD_DIR"
        cmake -S "$LIPA_ROOT" -B "$LIPA_BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@"
    fi
    log "Building"
    cmake --build "$LIPA_BUILD_DIR" -j2
}
