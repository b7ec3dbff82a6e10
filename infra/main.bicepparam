// Parameters for main.bicep, read from the environment so no tenant value or secret lives in the repository.
// azd fills the environment from .azure/<env>/.env (azd env set NAME value); CI from its variables and secrets.
// A value read without a default is required: the deployment stops with the variable's name if it is missing.
// An optional variable that is empty counts as unset (CI passes unset repository variables as empty strings).
using 'main.bicep'

param environmentName = readEnvironmentVariable('AZURE_ENV_NAME')
param location = readEnvironmentVariable('AZURE_LOCATION')

// Bot identity: UserAssignedMSI needs nothing else; SingleTenant needs the app registration's client id.
var botAppTypeValue = readEnvironmentVariable('BOT_APP_TYPE', '')
param botAppType = empty(botAppTypeValue) ? 'UserAssignedMSI' : botAppTypeValue
param botAppRegistrationClientId = readEnvironmentVariable('BOT_APP_REGISTRATION_CLIENT_ID', '')
param botAllowedServiceUrlHosts = readEnvironmentVariable('BOT_ALLOWED_SERVICE_URL_HOSTS', '')

// Mail: keep GRAPH_MAIL_ENABLED false until the Exchange RBAC grant is in place (docs/deploy.md §3).
param iaMailbox = readEnvironmentVariable('IA_MAILBOX')
var graphMailEnabledValue = readEnvironmentVariable('GRAPH_MAIL_ENABLED', '')
param graphMailEnabled = empty(graphMailEnabledValue) ? false : bool(graphMailEnabledValue)
var graphSendOnSubmitValue = readEnvironmentVariable('GRAPH_SEND_ON_SUBMIT', '')
param graphSendOnSubmit = empty(graphSendOnSubmitValue) ? false : bool(graphSendOnSubmitValue)
// Generated once per environment by the azure.yaml preprovision hook; stable across deployments.
param graphClientState = readEnvironmentVariable('GRAPH_CLIENT_STATE')
// Empty: https://<function app>/api/graph/notifications.
param graphNotificationUrl = readEnvironmentVariable('GRAPH_NOTIFICATION_URL', '')

// Approvers: Entra object ids; deputies are comma-separated object ids (may be empty).
param approvers = {
  CIO: {
    objectId: readEnvironmentVariable('APPROVER_CIO')
    deputies: filter(split(readEnvironmentVariable('APPROVER_CIO_DEPUTIES', ''), ','), id => !empty(trim(id)))
  }
  CDO: {
    objectId: readEnvironmentVariable('APPROVER_CDO')
    deputies: filter(split(readEnvironmentVariable('APPROVER_CDO_DEPUTIES', ''), ','), id => !empty(trim(id)))
  }
  DPO: {
    objectId: readEnvironmentVariable('APPROVER_DPO')
    deputies: filter(split(readEnvironmentVariable('APPROVER_DPO_DEPUTIES', ''), ','), id => !empty(trim(id)))
  }
  IT: {
    objectId: readEnvironmentVariable('APPROVER_IT')
    deputies: filter(split(readEnvironmentVariable('APPROVER_IT_DEPUTIES', ''), ','), id => !empty(trim(id)))
  }
}

// Academies as JSON: [{"id":"north","name":"North Academy","leader":"<object id>"}, ...]
var academiesValue = readEnvironmentVariable('ACADEMIES_JSON', '')
param academies = empty(academiesValue) ? [] : json(academiesValue)

var expiryDaysValue = readEnvironmentVariable('APPROVAL_EXPIRY_DAYS', '')
param approvalExpiryDays = empty(expiryDaysValue) ? 14 : int(expiryDaysValue)
var reminderDaysValue = readEnvironmentVariable('APPROVAL_REMINDER_DAYS', '')
param approvalReminderDays = empty(reminderDaysValue) ? 3 : int(reminderDaysValue)
param approvalChannelConversationId = readEnvironmentVariable('APPROVAL_CHANNEL_CONVERSATION_ID', '')
param approvalServiceUrl = readEnvironmentVariable('APPROVAL_SERVICE_URL', 'https://smba.trafficmanager.net/teams/')
param teamsAppId = readEnvironmentVariable('TEAMS_APP_ID', '')
param teamsAppCatalogId = readEnvironmentVariable('TEAMS_APP_CATALOG_ID', '')

param triageComplaintsContact = readEnvironmentVariable('TRIAGE_COMPLAINTS_CONTACT')
param triageDpoAddress = readEnvironmentVariable('TRIAGE_DPO_ADDRESS')
param triageTeamChannelConversationId = readEnvironmentVariable('TRIAGE_TEAM_CHANNEL_CONVERSATION_ID', '')

// What staff are shown: the AI policy and the Trust's AI training (https links). The IA mailbox, DPO and complaints
// contact above are shown too; placeholder values stop the app at start-up.
param contactPolicyUrl = readEnvironmentVariable('CONTACT_POLICY_URL')
param contactTrainingUrl = readEnvironmentVariable('CONTACT_TRAINING_URL')
// The register tab's app registration (docs/deploy.md, "The register tab"); empty until it exists.
param tabClientId = readEnvironmentVariable('TAB_CLIENT_ID', '')

var minimumAgeValue = readEnvironmentVariable('POLICY_TRUST_MINIMUM_LEARNER_AGE', '')
param policyTrustMinimumLearnerAge = empty(minimumAgeValue) ? 0 : int(minimumAgeValue)
var supervisedAgeValue = readEnvironmentVariable('POLICY_SUPERVISED_USE_BELOW_AGE', '')
param policySupervisedUseBelowAge = empty(supervisedAgeValue) ? 13 : int(supervisedAgeValue)
param policyNextPolicyReviewDate = readEnvironmentVariable('POLICY_NEXT_POLICY_REVIEW_DATE', '')
param policyVersion = readEnvironmentVariable('POLICY_VERSION', '')

param tablePrefix = readEnvironmentVariable('STORAGE_TABLE_PREFIX', '')
