#!/usr/bin/env bash
# Issue 12, "a newcomer working as root": as root, a clone in a 0700 directory (like one under
# /root, or made by mktemp -d) starts the embedded PostgreSQL and the server, which serves /fr.
# PostgreSQL runs as the `postgres` OS user, who cannot enter that directory: the binaries and
# the data are placed where it can (lib/database/embedded-root.ts). Not the whole suite again:
# the clone reuses this checkout's node_modules (hard links, same file system) and build (copied).
#   bash scripts/test-root-clone.sh        (after a build; NEXT_DIST_DIR names it, default .next)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" != 0 ] || [ "$(uname -s)" != Linux ]; then echo "root clone: skipped (needs root on Linux)"; exit 0; fi
# What is cloned is the last commit (uncommitted changes are not in the clone).
git rev-parse --git-dir >/dev/null 2>&1 || { echo "root clone: skipped (not a git checkout: nothing to clone)"; exit 0; }
here=$(pwd)
dist=${NEXT_DIST_DIR:-.next}
# Free ports unless given: a fixed port may be another server's, which would answer for ours.
free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
port=${ROOT_CLONE_PORT:-$(free_port)}
pg_port=${ROOT_CLONE_PG_PORT:-$(free_port)}
started=$(date +%s)
[ -f "$dist/BUILD_ID" ] || { echo "root clone: no build in $dist (run npx next build first)"; exit 1; }

work=$(mktemp -d -p "$here" .root-clone-XXXXXX) # mode 0700
pid=
cleanup() {
  if [ -n "$pid" ]; then kill -INT "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  # The relocated data of this clone (its path is in .data/pg/relocated-to), then the clone.
  if [ -f "$work/repo/.data/pg/relocated-to" ]; then rm -rf "$(cat "$work/repo/.data/pg/relocated-to")"; fi
  rm -rf "$work"
}
trap cleanup EXIT
[ "$(stat -c %a "$work")" = 700 ] || { echo "root clone: $work is not 0700"; exit 1; }

git clone -q "$here" "$work/repo"
# node_modules is only read at run time: hard links. The build is copied (the server writes
# into it, and a write through a hard link would change this checkout's build too).
cp -al node_modules "$work/repo/node_modules"
cp -a "$dist" "$work/repo/$dist"

cd "$work/repo"
npx prisma generate >/dev/null # what npm install's postinstall does
log="$work/server.log"
PORT=$port HOST=127.0.0.1 EMBEDDED_PG_PORT=$pg_port DATA_DIR=.data NEXT_DIST_DIR=$dist BUILD_ON_START=0 SEED_DEMO=0 \
  node scripts/start.mjs >"$log" 2>&1 &
pid=$!
for _ in $(seq 1 180); do
  grep -q 'ready on' "$log" && break
  kill -0 "$pid" 2>/dev/null || { cat "$log"; echo "root clone: the server stopped"; exit 1; }
  sleep 1
done
grep -q 'ready on' "$log" || { cat "$log"; echo "root clone: not ready after 180 s"; exit 1; }
status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/fr")
# The clone is in a 0700 directory: the data must have been placed where postgres can reach it.
relocated=$(cat .data/pg/relocated-to 2>/dev/null) || { cat "$log"; echo "root clone: the data was not relocated"; exit 1; }
echo "root clone: GET /fr → $status (data in $relocated; $(($(date +%s) - started)) s in all)"
[ "$status" = 200 ] || { tail -40 "$log"; exit 1; }
if grep -q 'EACCES' "$log"; then cat "$log"; exit 1; fi
