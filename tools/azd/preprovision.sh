#!/bin/sh
# azd preprovision hook: stop early, by name, if a required value is missing, and create the Graph clientState once
# per azd environment so it stays the same across deployments (a new one would orphan the Graph subscription).
set -eu

missing=""
for name in AZURE_ENV_NAME AZURE_LOCATION AZURE_RESOURCE_GROUP IA_MAILBOX APPROVER_CIO APPROVER_CDO APPROVER_DPO \
            APPROVER_IT TRIAGE_COMPLAINTS_CONTACT TRIAGE_DPO_ADDRESS CONTACT_POLICY_URL CONTACT_TRAINING_URL; do
  eval "value=\${$name:-}"
  [ -n "$value" ] || missing="$missing $name"
done
if [ "${BOT_APP_TYPE:-UserAssignedMSI}" = "SingleTenant" ] && [ -z "${BOT_APP_REGISTRATION_CLIENT_ID:-}" ]; then
  missing="$missing BOT_APP_REGISTRATION_CLIENT_ID"
fi
if [ -n "$missing" ]; then
  echo "Set these first with 'azd env set NAME value' (docs/deploy.md §4):$missing" >&2
  exit 1
fi

if [ -z "${GRAPH_CLIENT_STATE:-}" ]; then
  # 32 random bytes as hex (64 characters; Graph allows up to 128).
  state=$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')
  azd env set GRAPH_CLIENT_STATE "$state"
  echo "Generated GRAPH_CLIENT_STATE for this environment."
fi
