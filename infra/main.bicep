// AiPolicyBot in one resource group: storage (tables, queues, deployment blobs), a Flex Consumption Function App
// (.NET 10 isolated), monitoring, two user-assigned managed identities and the Azure Bot with the Teams and
// Microsoft 365 (Outlook) channels. No keys, no secrets in outputs, no Key Vault (docs/deploy.md explains why).
// Every app setting the code reads is listed in docs/configuration.md; tests/node/infra.test.js keeps the two in step.
targetScope = 'resourceGroup'

// ---------- Types ----------

@description('One approving role: its holder and, optionally, deputies who may act when the holder is away.')
type approverType = {
  @description('Entra object id of the person who holds the role (a GUID).')
  @minLength(36)
  @maxLength(36)
  objectId: string

  @description('Entra object ids of deputies (Approvers:<Role>:Deputies:<n>).')
  deputies: string[]?
}

@description('The four approving roles of the AI policy.')
type approversType = {
  CIO: approverType
  CDO: approverType
  DPO: approverType
  IT: approverType
}

@description('One academy of the trust.')
type academyType = {
  @description('Short id used in configuration keys: letters, digits and "_" only (app setting names allow no more).')
  id: string

  @description('Display name of the academy.')
  name: string

  @description('Entra object id of the academy leader (head teacher / principal).')
  leader: string
}

// ---------- Parameters: where and what ----------

@description('Environment name (azd AZURE_ENV_NAME), e.g. "dev" or "prod"; part of every resource name.')
@minLength(1)
@maxLength(20)
param environmentName string

@description('Azure region for every regional resource (choose one that offers Flex Consumption, e.g. uksouth).')
param location string = resourceGroup().location

@description('Tags added to every resource.')
param tags object = {}

// ---------- Parameters: bot identity ----------

@description('Bot identity: UserAssignedMSI (recommended, no app registration, no secret) or SingleTenant (Entra app registration with a federated credential that trusts the bot identity).')
@allowed(['UserAssignedMSI', 'SingleTenant'])
param botAppType string = 'UserAssignedMSI'

@description('SingleTenant only: client id of the bot\'s Entra app registration. Ignored for UserAssignedMSI.')
param botAppRegistrationClientId string = ''

@description('Display name of the Azure Bot resource.')
param botDisplayName string = 'AiPolicyBot'

@description('Azure Bot SKU.')
@allowed(['F0', 'S1'])
param botSku string = 'F0'

@description('Optional extra Bot Connector service URL hosts (comma-separated) on top of the built-in allow-list.')
param botAllowedServiceUrlHosts string = ''

// ---------- Parameters: mail (Microsoft Graph) ----------

@description('Address of the information-assurance mailbox that decisions are mailed to and that is triaged.')
@minLength(3)
param iaMailbox string

@description('Turn Graph mail on only after the Exchange RBAC for Applications grant exists (docs/deploy.md §3); before that every Graph call would fail with 403.')
param graphMailEnabled bool = false

@description('Also mail the IA mailbox when a request is submitted (not only when it is decided).')
param graphSendOnSubmit bool = false

@description('Shared secret Graph echoes in every change notification. Generated when not supplied; azd keeps one per environment (azure.yaml preprovision hook) so it does not change between deployments.')
@secure()
@minLength(16)
@maxLength(128)
param graphClientState string = newGuid()

@description('Override for the Graph change-notification URL; empty means https://<function app>/api/graph/notifications.')
param graphNotificationUrl string = ''

// ---------- Parameters: people and policy ----------

@description('The four approving roles (Entra object ids).')
param approvers approversType

@description('Academies of the trust, with their leaders.')
param academies academyType[] = []

@description('Days after which an undecided request expires.')
@minValue(1)
param approvalExpiryDays int = 14

@description('Days between reminders to approvers who have not acted.')
@minValue(1)
param approvalReminderDays int = 3

@description('Optional Teams channel conversation id where approval cards are also posted.')
param approvalChannelConversationId string = ''

@description('Bot Connector service URL for proactive messages to people the bot has not met yet (the approvals channel, chats opened after installing the app for someone).')
param approvalServiceUrl string = 'https://smba.trafficmanager.net/teams/'

@description('Optional Teams app (manifest) id, TEAMS_APP_ID: deep links in emails open the app chat and the register tab.')
param teamsAppId string = ''

@description('Optional id of the app in the tenant app catalog: with it, the bot is installed through Graph for approvers and requesters who never opened it (docs/deploy.md).')
param teamsAppCatalogId string = ''

@description('Who complainants are pointed to (name or address), used by mail triage.')
@minLength(1)
param triageComplaintsContact string

@description('Address of the Data Protection Officer, used by mail triage.')
@minLength(3)
param triageDpoAddress string

@description('Optional Teams channel conversation id where triage results are posted.')
param triageTeamChannelConversationId string = ''

// ---------- Parameters: what staff are shown, and the register tab ----------

@description('The Trust\'s published AI policy (https), linked from the bot and the register tab.')
@minLength(9)
param contactPolicyUrl string

@description('The Trust\'s general AI training (https); a tool\'s own training link is on its register entry.')
@minLength(9)
param contactTrainingUrl string

@description('Client id of the app registration the register tab signs in with (Teams SSO); empty turns the tab\'s sign-in off.')
param tabClientId string = ''

@description('Trust minimum learner age for AI tools (0 = no minimum beyond the vendor\'s terms).')
@minValue(0)
param policyTrustMinimumLearnerAge int = 0

@description('Below this age learners use AI tools only under supervision.')
@minValue(0)
param policySupervisedUseBelowAge int = 13

@description('Optional date (yyyy-MM-dd) of the next annual AI policy review.')
param policyNextPolicyReviewDate string = ''

@description('Optional version of the AI policy text staff attest to; empty keeps the code\'s default.')
param policyVersion string = ''

@description('Prefix of every table name (Storage:TablePrefix); empty gives the designed names Register, Requests, ...')
param tablePrefix string = ''

// ---------- Parameters: scale and monitoring ----------

@description('Maximum Function App instances.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory per instance in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Always-ready HTTP instances (0 = scale to zero).')
@minValue(0)
@maxValue(10)
param alwaysReadyHttpInstances int = 0

@description('Days each sealed audit-head blob stays immutable (default seven years: the audit log is evidence for that long).')
@minValue(1)
@maxValue(146000)
param auditSealRetentionDays int = 2557

@description('Log Analytics retention in days.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Log Analytics daily ingestion cap in GB (-1 = none).')
param logDailyCapGb int = 1

// ---------- Names ----------

var token = uniqueString(subscription().id, resourceGroup().id, environmentName)
var namePrefix = 'aipolicybot-${replace(toLower(environmentName), '_', '-')}'
var allTags = union(tags, { 'azd-env-name': environmentName, application: 'AiPolicyBot' })
var storageAccountName = 'st${take(token, 11)}aipb'
var functionAppName = 'func-${namePrefix}-${take(token, 6)}'
var deploymentContainerName = 'app-package-${take(token, 8)}'
var appInsightsName = 'appi-${namePrefix}'
var runtimeIdentityName = 'id-${namePrefix}'
var botIdentityName = 'id-${namePrefix}-bot'

// The product's data (names used by the code; keep in step with docs/configuration.md).
var tableNames = [
  'Register'
  'Requests'
  'Decisions'
  'Training'
  'Incidents'
  'Audit'
  'ConversationReferences'
  'Outbox'
  'TriageRecords'
  'Idempotency'
  'Approvers'
  'Counters'
]
var queueNames = [
  'mail-outbox'
  'mail-outbox-poison'
  'triage-inbox'
  'notifications'
]

// ---------- Resources ----------

module identities 'modules/identity.bicep' = {
  name: 'identities'
  params: {
    location: location
    runtimeName: runtimeIdentityName
    botName: botIdentityName
    tags: allTags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    namePrefix: namePrefix
    appInsightsName: appInsightsName
    retentionDays: logRetentionDays
    dailyCapGb: logDailyCapGb
    tags: allTags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    name: storageAccountName
    deploymentContainerName: deploymentContainerName
    auditSealContainerName: 'audit-seal'
    auditSealRetentionDays: auditSealRetentionDays
    tableNames: map(tableNames, table => '${tablePrefix}${table}')
    queueNames: queueNames
    tags: allTags
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  params: {
    principalId: identities.outputs.runtimePrincipalId
    principalName: runtimeIdentityName
    storageAccountName: storageAccountName
    appInsightsName: appInsightsName
  }
  // Names are known at compile time (better what-if); the resources must still exist first.
  dependsOn: [storage, monitoring]
}

// ---------- App settings (":" in a .NET key is "__" in an app setting) ----------

var botAppId = botAppType == 'UserAssignedMSI' ? identities.outputs.botClientId : botAppRegistrationClientId
var functionHostName = '${functionAppName}.azurewebsites.net'

var platformSettings = {
  // Identity-based host storage: no connection string, no account key.
  AzureWebJobsStorage__accountName: storage.outputs.name
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identities.outputs.runtimeClientId
  // Always written, even empty: the code's own default prefix would otherwise name tables Bicep did not create.
  Storage__TablePrefix: tablePrefix
  APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identities.outputs.runtimeClientId};Authorization=AAD'
}

var botSettings = {
  Bot__AppId: botAppId
  Bot__TenantId: tenant().tenantId
  Bot__AppType: botAppType
  Bot__ManagedIdentityClientId: identities.outputs.botClientId
  // Tenant pinning: the app refuses to start outside Development without it (docs/security.md).
  Bot__AllowedTenantIds__0: tenant().tenantId
  // Bot__AllowUnauthenticatedLocal is deliberately absent: it is for the local host only and must never be set here.
}

// The daily audit verification seals stream heads in the immutable container (docs/spec/audit-verification.md).
var auditSettings = {
  AuditSeal__Container: storage.outputs.auditSealContainerName
}

var graphSettings = {
  GraphMail__Enabled: graphMailEnabled
  GraphMail__Mailbox: iaMailbox
  GraphMail__ClientId: identities.outputs.runtimeClientId
  GraphMail__SendOnSubmit: graphSendOnSubmit
  GraphMail__NotificationUrl: empty(graphNotificationUrl)
    ? 'https://${functionHostName}/api/graph/notifications'
    : graphNotificationUrl
  GraphMail__ClientState: graphClientState
}

var approverSettings = {
  Approvers__CIO: approvers.CIO.objectId
  Approvers__CDO: approvers.CDO.objectId
  Approvers__DPO: approvers.DPO.objectId
  Approvers__IT: approvers.IT.objectId
}

// Approvers__<Role>__Deputies__<n>: the indexed form .NET binds to a list.
var deputySettings = toObject(
  flatten(map(items(approvers), role => map(role.value.?deputies ?? [], (deputy, i) => {
    key: 'Approvers__${role.key}__Deputies__${i}'
    value: deputy
  }))),
  entry => entry.key,
  entry => entry.value
)

// Academies__<id>__Name and Academies__<id>__Leader for each academy.
var academySettings = toObject(
  flatten(map(academies, academy => [
    { key: 'Academies__${academy.id}__Name', value: academy.name }
    { key: 'Academies__${academy.id}__Leader', value: academy.leader }
  ])),
  entry => entry.key,
  entry => entry.value
)

var workflowSettings = {
  Approval__ExpiryDays: approvalExpiryDays
  Approval__ReminderDays: approvalReminderDays
  Approval__ServiceUrl: approvalServiceUrl
  // Triage:AppMailbox is the address triage treats as our own (no mail loops): the IA mailbox.
  Triage__AppMailbox: iaMailbox
  Triage__ComplaintsContact: triageComplaintsContact
  Triage__DpoAddress: triageDpoAddress
  Policy__TrustMinimumLearnerAge: policyTrustMinimumLearnerAge
  Policy__SupervisedUseBelowAge: policySupervisedUseBelowAge
}

// Every contact staff see comes from here; the app refuses to start with a missing or placeholder value.
var contactSettings = {
  Contacts__InformationAssuranceEmail: iaMailbox
  Contacts__DpoEmail: triageDpoAddress
  Contacts__ComplaintsContact: triageComplaintsContact
  Contacts__PolicyUrl: contactPolicyUrl
  Contacts__TrainingUrl: contactTrainingUrl
}

// The register tab accepts tokens for this API from this tenant only (Tab:AllowedTenantIds is not set in Azure).
var tabApplicationIdUri = empty(tabClientId) ? '' : 'api://${functionHostName}/${tabClientId}'
var tabSettings = union(
  { Tab__TenantId: tenant().tenantId },
  empty(tabClientId) ? {} : { Tab__ClientId: tabClientId, Tab__ApplicationIdUri: tabApplicationIdUri }
)

// Optional keys are only written when they have a value, so the code's own default applies otherwise.
var optionalSettings = union(
  empty(botAllowedServiceUrlHosts) ? {} : { Bot__AllowedServiceUrlHosts: botAllowedServiceUrlHosts },
  empty(approvalChannelConversationId) ? {} : { Approval__ChannelConversationId: approvalChannelConversationId },
  empty(teamsAppId) ? {} : { TeamsApp__AppId: teamsAppId },
  empty(teamsAppCatalogId) ? {} : { TeamsApp__CatalogAppId: teamsAppCatalogId },
  empty(triageTeamChannelConversationId) ? {} : { Triage__TeamChannelConversationId: triageTeamChannelConversationId },
  empty(policyNextPolicyReviewDate) ? {} : { Policy__NextPolicyReviewDate: policyNextPolicyReviewDate },
  empty(policyVersion) ? {} : { Policy__PolicyVersion: policyVersion }
)

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionApp'
  params: {
    location: location
    namePrefix: namePrefix
    appName: functionAppName
    runtimeIdentityId: identities.outputs.runtimeId
    botIdentityId: identities.outputs.botId
    storageBlobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: storage.outputs.deploymentContainerName
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    alwaysReadyHttpInstances: alwaysReadyHttpInstances
    tags: allTags
    appSettings: union(
      platformSettings,
      botSettings,
      auditSettings,
      graphSettings,
      approverSettings,
      deputySettings,
      academySettings,
      workflowSettings,
      contactSettings,
      tabSettings,
      optionalSettings
    )
  }
  // The host starts as soon as the site exists; its identity must already be able to reach storage and telemetry.
  dependsOn: [roles]
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: 'bot-${namePrefix}-${take(token, 6)}'
    displayName: botDisplayName
    endpoint: 'https://${functionApp.outputs.defaultHostName}/api/messages'
    appType: botAppType
    appId: botAppId
    tenantId: tenant().tenantId
    identityResourceId: identities.outputs.botId
    sku: botSku
    tags: allTags
  }
}

// ---------- Outputs (azd and the Agents Toolkit store these as environment values) ----------

@description('Microsoft App ID of the bot (manifest placeholder \${{BOT_ID}}).')
output BOT_ID string = botAppId

@description('Host name of the bot endpoint (manifest placeholder \${{BOT_DOMAIN}}).')
output BOT_DOMAIN string = functionApp.outputs.defaultHostName

@description('Messaging endpoint registered on the Azure Bot.')
output BOT_ENDPOINT string = 'https://${functionApp.outputs.defaultHostName}/api/messages'

@description('Azure Bot resource name.')
output BOT_RESOURCE_NAME string = bot.outputs.name

@description('Object id of the bot identity (subject of the federated credential for SingleTenant).')
output BOT_IDENTITY_PRINCIPAL_ID string = identities.outputs.botPrincipalId

@description('Function App name (func publish / zip deploy target).')
output FUNCTION_APP_NAME string = functionApp.outputs.name

@description('Function App resource id (Agents Toolkit deploy target).')
output FUNCTION_APP_RESOURCE_ID string = functionApp.outputs.id

@description('Function App base URL.')
output FUNCTION_APP_ENDPOINT string = 'https://${functionApp.outputs.defaultHostName}'

@description('Storage account name.')
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name

@description('Client id of the runtime identity: AppId for New-ServicePrincipal / New-ManagementRoleAssignment in Exchange.')
output MAIL_IDENTITY_CLIENT_ID string = identities.outputs.runtimeClientId

@description('Object id of the runtime identity: ObjectId for New-ServicePrincipal in Exchange.')
output MAIL_IDENTITY_PRINCIPAL_ID string = identities.outputs.runtimePrincipalId

@description('Entra tenant id.')
output AZURE_TENANT_ID string = tenant().tenantId

@description('The register tab\'s page (the manifest\'s staticTabs contentUrl).')
output TAB_URL string = 'https://${functionApp.outputs.defaultHostName}/api/tab/app/'

@description('The tab\'s app registration client id (manifest webApplicationInfo.id); empty until one is given.')
output TAB_CLIENT_ID string = tabClientId

@description('The Application ID URI to set on that app registration (manifest webApplicationInfo.resource).')
output TAB_APPLICATION_ID_URI string = tabApplicationIdUri
