# azd preprovision hook (Windows): same checks as preprovision.sh.
$ErrorActionPreference = 'Stop'
$required = 'AZURE_ENV_NAME','AZURE_LOCATION','AZURE_RESOURCE_GROUP','IA_MAILBOX','APPROVER_CIO','APPROVER_CDO',
            'APPROVER_DPO','APPROVER_IT','TRIAGE_COMPLAINTS_CONTACT','TRIAGE_DPO_ADDRESS','CONTACT_POLICY_URL','CONTACT_TRAINING_URL'
$missing = @($required | Where-Object { -not [Environment]::GetEnvironmentVariable($_) })
if ($env:BOT_APP_TYPE -eq 'SingleTenant' -and -not $env:BOT_APP_REGISTRATION_CLIENT_ID) { $missing += 'BOT_APP_REGISTRATION_CLIENT_ID' }
if ($missing.Count -gt 0) {
  Write-Error "Set these first with 'azd env set NAME value' (docs/deploy.md §4): $($missing -join ' ')"
}
if (-not $env:GRAPH_CLIENT_STATE) {
  $bytes = [byte[]]::new(32)
  [System.Security.Cryptography.RandomNumberGenerator]::Fill($bytes)
  azd env set GRAPH_CLIENT_STATE ([Convert]::ToHexString($bytes).ToLowerInvariant())
  Write-Host 'Generated GRAPH_CLIENT_STATE for this environment.'
}
