#!/usr/bin/env bash
# Makes test/fixtures/wxr/wordpress-6.1.xml with a real WordPress 6.1 (Debian's `wordpress` package): a private
# MariaDB on a Unix socket (no TCP), WordPress installed and driven through PHP on the command line, and the export
# written by WordPress's own export_wp() (wp-admin/includes/export.php), as Tools → Export does.
# Needs root once for the packages: apt-get install -y wordpress mariadb-server php-mysql php-cli
# Usage: scripts/wordpress-wxr.sh [OUTPUT] (default test/fixtures/wxr/wordpress-6.1.xml)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${1:-$ROOT/test/fixtures/wxr/wordpress-6.1.xml}
WORK=$(mktemp -d)
chmod 755 "$WORK"
CONFIG_NAME=newsroom-wxr-fixture
CONFIG=/etc/wordpress/config-$CONFIG_NAME.php
DB_PID=
cleanup() {
  [ -n "$DB_PID" ] && kill "$DB_PID" 2>/dev/null && wait "$DB_PID" 2>/dev/null
  rm -f "$CONFIG"
  rm -rf "$WORK"
}
trap cleanup EXIT

grep -q "wp_version = '6.1" /usr/share/wordpress/wp-includes/version.php || {
  echo "WordPress 6.1 is not installed in /usr/share/wordpress (apt-get install wordpress on Debian 12)" >&2
  exit 1
}

# A throwaway MariaDB: its own data folder, a socket in it, no network at all.
mkdir -p "$WORK/db"
chown mysql:mysql "$WORK/db"
mariadb-install-db --user=mysql --datadir="$WORK/db" --auth-root-authentication-method=socket >"$WORK/install.log" 2>&1
mariadbd --user=mysql --datadir="$WORK/db" --socket="$WORK/db/mysql.sock" --skip-networking \
  --pid-file="$WORK/db/mariadb.pid" --log-error="$WORK/db/error.log" &
DB_PID=$!
for _ in $(seq 1 100); do
  mariadb --socket="$WORK/db/mysql.sock" -e 'SELECT 1' >/dev/null 2>&1 && break
  sleep 0.2
done
mariadb --socket="$WORK/db/mysql.sock" <<SQL
CREATE DATABASE wordpress CHARACTER SET utf8mb4;
CREATE USER 'wordpress'@'localhost' IDENTIFIED BY 'fixture-only';
GRANT ALL ON wordpress.* TO 'wordpress'@'localhost';
SQL

# Debian's wp-config.php reads /etc/wordpress/config-<WORDPRESS_CONFIG>.php.
mkdir -p "$WORK/wp-content"
cat >"$CONFIG" <<PHP
<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'wordpress');
define('DB_PASSWORD', 'fixture-only');
define('DB_HOST', 'localhost:$WORK/db/mysql.sock');
define('WP_CONTENT_DIR', '$WORK/wp-content');
define('WP_HOME', 'http://127.0.0.1:8089');
define('WP_SITEURL', 'http://127.0.0.1:8089');
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('DISABLE_WP_CRON', true);
PHP

WORDPRESS_CONFIG=$CONFIG_NAME php "$ROOT/scripts/wordpress-wxr.php" >"$OUT.tmp"
mv "$OUT.tmp" "$OUT"
echo "wrote $OUT ($(grep -c '<wp:comment>' "$OUT") comments)"
