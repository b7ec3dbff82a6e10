// One storage account for the Functions host (blobs: leases, keys, the Flex deployment package), the product's tables
// and its queues. Shared-key access is off: every client (host, app code, deployment) signs in with Entra.

@description('Azure region.')
param location string

@description('Storage account name (3-24 lowercase letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Blob container that holds the Flex Consumption deployment package.')
param deploymentContainerName string

@description('Blob container for the sealed audit heads (docs/spec/audit-verification.md): write-once under a time-based immutability policy.')
param auditSealContainerName string

@description('Days each sealed blob stays immutable (cannot be changed or deleted), counted from its creation.')
@minValue(1)
@maxValue(146000)
param auditSealRetentionDays int

@description('Tables the product reads and writes (created here so the app never needs management rights).')
param tableNames string[]

@description('Queues the product uses; "-poison" queues are listed too so the poison handlers can start at once.')
param queueNames string[]

@description('Tags for every resource.')
param tags object

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: { defaultAction: 'Allow', bypass: 'AzureServices' }
    encryption: {
      keySource: 'Microsoft.Storage'
      requireInfrastructureEncryption: false
      services: {
        blob: { enabled: true }
        file: { enabled: true }
        table: { enabled: true, keyType: 'Account' }
        queue: { enabled: true, keyType: 'Account' }
      }
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    deleteRetentionPolicy: { enabled: true, days: 7 }
    containerDeleteRetentionPolicy: { enabled: true, days: 7 }
  }
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: { publicAccess: 'None' }
}

// The audit seal: every day's heads go into a new blob that nobody (not the app, not an owner) can change or
// delete for auditSealRetentionDays. Lock the policy once you are content with the period (docs/deploy.md): a locked
// policy can be extended but never shortened or removed.
resource auditSealContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: auditSealContainerName
  properties: { publicAccess: 'None' }
}

resource auditSealPolicy 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2023-05-01' = {
  parent: auditSealContainer
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: auditSealRetentionDays
    allowProtectedAppendWrites: false
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [
  for table in tableNames: {
    parent: tableService
    name: table
  }
]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [
  for queue in queueNames: {
    parent: queueService
    name: queue
  }
]

@description('Storage account name.')
output name string = account.name

@description('Blob endpoint, e.g. https://<name>.blob.core.windows.net/.')
output blobEndpoint string = account.properties.primaryEndpoints.blob

@description('Audit seal container name.')
output auditSealContainerName string = auditSealContainer.name

@description('Deployment container name.')
output deploymentContainerName string = deploymentContainer.name
