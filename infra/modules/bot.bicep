// Azure Bot resource with the Microsoft Teams and Microsoft 365 Extensions (Outlook) channels. The bot has no
// secret: UserAssignedMSI uses the bot identity directly; SingleTenant uses an Entra app registration that trusts
// the same identity through a federated credential (docs/deploy.md §2).

@description('Azure Bot resource name (globally unique handle, 2-64 characters).')
@minLength(2)
@maxLength(64)
param name string

@description('Name shown in the Bot Framework portal.')
param displayName string

@description('Messaging endpoint, https://<function app>/api/messages.')
param endpoint string

@description('UserAssignedMSI (no app registration) or SingleTenant (app registration in this tenant).')
@allowed(['UserAssignedMSI', 'SingleTenant'])
param appType string

@description('The bot\'s Microsoft App ID: the bot identity\'s client id (UserAssignedMSI) or the app registration\'s client id (SingleTenant).')
param appId string

@description('Entra tenant id of the bot identity.')
param tenantId string

@description('Resource id of the bot identity; only sent for UserAssignedMSI.')
param identityResourceId string

@description('F0 is enough: Teams and Microsoft 365 are standard channels, free on both SKUs.')
@allowed(['F0', 'S1'])
param sku string

@description('Tags for every resource.')
param tags object

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: { name: sku }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppId: appId
    msaAppType: appType
    msaAppTenantId: tenantId
    msaAppMSIResourceId: appType == 'UserAssignedMSI' ? identityResourceId : null
    // Direct Line / Web Chat secrets are not used; Teams and Microsoft 365 do not need them.
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
    schemaTransformationVersion: '1.3'
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      acceptedTerms: true
    }
  }
}

// Message extension in Outlook (teams-protocol.md §4.4): the "Microsoft 365 Extensions" channel.
resource microsoft365 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'M365Extensions'
  location: 'global'
  properties: {
    channelName: 'M365Extensions'
  }
}

@description('Azure Bot resource name.')
output name string = bot.name
