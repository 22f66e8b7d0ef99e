#!/usr/bin/env bash
# The README's test command on a fresh machine: installs what the tests need when it is missing
# (the pinned Bun from npm, the locked dependencies, Debian's Chromium and CJK fonts for the
# browser tests, Debian's WordPress, MariaDB and PHP for the publishing tests), then runs
# `bun run test` (unit and wire tests, then the browser tests). Says exactly what it could not
# install and why, and fails then, rather than skipping tests.
set -uo pipefail
cd "$(dirname "$0")/.."

BUN_VERSION="$(sed -n 's/.*"packageManager": *"bun@\([^"]*\)".*/\1/p' package.json)"

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo "$@"
  else
    echo "test: cannot run '$*': this user is not root and has no password-less sudo." >&2
    return 1
  fi
}

apt_install() { # apt_install WHAT PACKAGE...
  local what="$1"; shift
  echo "::: install $* ($what)"
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "test: $what needs the Debian packages '$*', and this machine has no apt-get. Install them, then run this again." >&2
    return 1
  fi
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null || {
    echo "test: installing '$*' for $what failed (see above)." >&2
    return 1
  }
}

if ! command -v bun >/dev/null 2>&1 || [ "$(bun --version)" != "$BUN_VERSION" ]; then
  echo "::: install bun $BUN_VERSION"
  npm install -g "bun@$BUN_VERSION" || { echo "test: npm could not install bun@$BUN_VERSION." >&2; exit 1; }
  hash -r
fi

bun install --frozen-lockfile || exit 1

if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi 'noto.*cjk'; then
  apt_install "the browser tests" chromium fonts-noto-cjk || exit 1
fi
if [ ! -f /usr/share/wordpress/wp-settings.php ] || [ ! -x /usr/sbin/mariadbd ] ||
  ! php -r 'exit(extension_loaded("mysqli") ? 0 : 1);' 2>/dev/null; then
  apt_install "the WordPress publishing tests" wordpress mariadb-server php-cli php-mysql || exit 1
fi

exec bun run test "$@"
