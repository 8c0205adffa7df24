#!/usr/bin/env bash
# npm test: every test of the project, in order of cost.
#   1. types (tsc), 2. unit tests, 3. integration tests on an embedded PostgreSQL,
#   4. production build, 5. end-to-end tests in Chromium against two servers,
#   6. the deployment test (npm run test:cluster: Debian's PostgreSQL, two instances behind
#      nginx from deploy/, faults under load; reuses the build of step 4: 1-4.5 min on 2 cores),
#   7. the root-clone test (as root, a clone in a 0700 directory starts the embedded PostgreSQL
#      and the server, which serves /fr; reuses node_modules and the build: 0.2-2 min).
# Steps 6 and 7 need root (and 6 Debian's nginx and postgresql, which .ci/run installs):
# elsewhere they are skipped with the reason, except under CI=true, where a missing package fails.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
unset DATABASE_URL APP_CLOCK

step() { printf '\n=== %s ===\n' "$*"; }

step "typecheck"
npx tsc --noEmit

step "lint (ESLint, zero warnings)"
npx eslint . --max-warnings 0

step "unit tests"
npx vitest run --project unit

step "integration tests (embedded PostgreSQL)"
npx vitest run --project integration

step "production build"
npx next build

step "end-to-end tests (Chromium)"
rm -rf ".data-e2e-${E2E_PORT_BASE:-3100}"
npx playwright test

step "deployment test (nginx, two instances, Debian's PostgreSQL)"
if [ "$(id -u)" != 0 ]; then
  echo "deployment test: skipped (needs root, to run PostgreSQL as the postgres user)"
elif ! command -v nginx >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "deployment test: skipped (needs Debian's nginx and postgresql: apt-get install nginx postgresql)"
  [ "${CI:-}" != true ] || exit 1
else
  npx tsx tests/cluster/run.ts
fi

step "root clone (a newcomer working as root)"
bash scripts/test-root-clone.sh
