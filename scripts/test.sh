#!/usr/bin/env bash
# The project's one test command (npm test): static checks, build, unit + component tests, end-to-end tests,
# then one closing line "N passed, N failed, N skipped" that counts every test of both runners.
set -uo pipefail
cd "$(dirname "$0")/.."
step() { echo "::: $1 ($(date +%T))"; }
rm -rf reports && mkdir -p reports   # not test-results/: Playwright wipes its outputDir at start
failed_steps=()
step "lint";      { npx eslint . && npx prettier --check . >/dev/null; } || { echo "lint failed (npm run format fixes formatting)"; failed_steps+=(lint); }
step "typecheck"; npm run -s typecheck || failed_steps+=(typecheck)
step "build";     npx electron-vite build >reports/build.log 2>&1 || { cat reports/build.log; failed_steps+=(build); }
step "vitest";    npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json
step "playwright"; PLAYWRIGHT_JSON_OUTPUT_NAME=reports/playwright.json npx playwright test --reporter=list,json
# Static checks count in the closing line too: a lint or type error is a failed check, not a footnote.
INKPRINT_FAILED_STEPS="${failed_steps[*]:-}" node scripts/ci-summary.mjs
