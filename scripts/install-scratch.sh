#!/usr/bin/env bash
# Creates a Service Cloud Voice scratch org, deploys the package and assigns the permission sets.
# Needs the Salesforce CLI (`npm install -g @salesforce/cli`) and an authorised Dev Hub.
#   scripts/install-scratch.sh [alias] [days]
set -euo pipefail
cd "$(dirname "$0")/.."

alias_name="${1:-scv-agent-desktop}"
days="${2:-7}"

command -v sf >/dev/null 2>&1 || { echo "install-scratch: the Salesforce CLI (sf) is not on PATH" >&2; exit 2; }

echo "== deleting an old scratch org named ${alias_name} (if any)"
sf org delete scratch --target-org "${alias_name}" --no-prompt >/dev/null 2>&1 || true

echo "== creating scratch org ${alias_name} (${days} days)"
sf org create scratch --definition-file config/project-scratch-def.json --alias "${alias_name}" \
    --duration-days "${days}" --set-default --wait 20

echo "== building and deploying"
npm run deploy -- --target-org "${alias_name}" --wait 30

echo "== assigning permission sets to the admin user"
sf org assign permset --name Voice_Admin --name Voice_Supervisor --name Voice_Integration --target-org "${alias_name}"

echo "== running the Apex tests with coverage"
sf apex run test --target-org "${alias_name}" --test-level RunLocalTests --code-coverage --result-format human --wait 30

echo "== done: sf org open --target-org ${alias_name}"
