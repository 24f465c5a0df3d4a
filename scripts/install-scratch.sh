#!/usr/bin/env bash
# Creates a Service Cloud Voice scratch org for one contact-center type, deploys the package directories that
# type takes (the documented path: npm run deploy), assigns the permission sets and runs the Apex tests.
# Needs the Salesforce CLI (`npm install -g @salesforce/cli`), an authorised Dev Hub and `npm ci` done.
#   scripts/install-scratch.sh [alias] [days] [partner-telephony|amazon-connect]
set -euo pipefail
cd "$(dirname "$0")/.."

alias_name="${1:-scv-agent-desktop}"
days="${2:-7}"
center="${3:-partner-telephony}"

case "${center}" in
    partner-telephony)
        definition=config/project-scratch-def.json
        sources=(--source-dir force-app)
        permsets=(--name Voice_Admin --name Voice_Supervisor --name Voice_Integration)
        ;;
    amazon-connect)
        definition=config/amazon-connect-scratch-def.json
        sources=(--source-dir force-app --source-dir force-app-amazon-connect)
        permsets=(--name Voice_Admin --name Voice_Supervisor --name Voice_Integration --name Voice_Alert_Admin
            --name Voice_Alert_Supervisor)
        ;;
    *)
        echo "install-scratch: contact-center type must be partner-telephony or amazon-connect" >&2
        exit 2
        ;;
esac

command -v sf >/dev/null 2>&1 || { echo "install-scratch: the Salesforce CLI (sf) is not on PATH" >&2; exit 2; }

echo "== deleting an old scratch org named ${alias_name} (if any)"
sf org delete scratch --target-org "${alias_name}" --no-prompt >/dev/null 2>&1 || true

echo "== creating scratch org ${alias_name} (${days} days, ${center})"
sf org create scratch --definition-file "${definition}" --alias "${alias_name}" \
    --duration-days "${days}" --set-default --wait 20

echo "== building and deploying ${sources[*]}"
npm run deploy -- --target-org "${alias_name}" "${sources[@]}" --wait 30

echo "== assigning permission sets to the admin user"
sf org assign permset "${permsets[@]}" --target-org "${alias_name}"

echo "== running the Apex tests with coverage"
sf apex run test --target-org "${alias_name}" --test-level RunLocalTests --code-coverage --result-format human --wait 30

echo "== done: sf org open --target-org ${alias_name}"
