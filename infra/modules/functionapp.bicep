// Flex Consumption plan + Function App (.NET 10 isolated worker, Linux). The app runs as the user-assigned runtime
// identity; the bot identity is attached too so the code can take Bot Framework tokens with it. Publishing with
// basic (FTP/SCM) credentials is turned off: deployments sign in with Entra.

@description('Azure region.')
param location string

@description('Resource name prefix.')
param namePrefix string

@description('Function App name (also the first label of its host name).')
param appName string

@description('Resource id of the runtime identity (storage, telemetry, Graph).')
param runtimeIdentityId string

@description('Resource id of the bot identity (Bot Framework tokens).')
param botIdentityId string

@description('Blob endpoint of the storage account that holds the deployment package.')
param storageBlobEndpoint string

@description('Blob container for the deployment package.')
param deploymentContainerName string

@description('Every app setting, name to value. Names use "__" for the ":" of .NET configuration keys. Secure because it carries GraphMail__ClientState: it must not show in the deployment history.')
@secure()
param appSettings object

@description('Upper bound on instances; caps cost and the load the app can put on Graph and storage.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory per instance in MB (512, 2048 or 4096).')
@allowed([512, 2048, 4096])
param instanceMemoryMB int

@description('Always-ready HTTP instances (0 = scale to zero; 1 keeps a warm instance, billed while idle).')
@minValue(0)
param alwaysReadyHttpInstances int

@description('Tags for every resource.')
param tags object

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-${namePrefix}'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { name: 'FC1', tier: 'FlexConsumption' }
  properties: { reserved: true }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  // azd finds the service's target by this tag (azure.yaml service "api").
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${runtimeIdentityId}': {}
      '${botIdentityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    publicNetworkAccess: 'Enabled'
    clientAffinityEnabled: false
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: [for setting in items(appSettings): { name: setting.key, value: string(setting.value) }]
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: runtimeIdentityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
        alwaysReady: alwaysReadyHttpInstances > 0 ? [{ name: 'http', instanceCount: alwaysReadyHttpInstances }] : []
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

resource ftpPolicy 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: { allow: false }
}

resource scmPolicy 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: { allow: false }
}

@description('Function App name.')
output name string = site.name

@description('Function App resource id (Agents Toolkit deploy target).')
output id string = site.id

@description('Default host name, e.g. func-x.azurewebsites.net.')
output defaultHostName string = site.properties.defaultHostName
