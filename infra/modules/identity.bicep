// User-assigned managed identities. Two, so each has only what it needs:
//  * runtime: the Function App's identity for storage, telemetry and Microsoft Graph (mail, scoped in Exchange);
//  * bot: the Azure Bot's identity (UserAssignedMSI) or the federated credential behind a SingleTenant app
//    registration. It holds no Azure role at all.

@description('Azure region.')
param location string

@description('Name of the runtime identity.')
param runtimeName string

@description('Name of the bot identity.')
param botName string

@description('Tags for every resource.')
param tags object

resource runtime 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: runtimeName
  location: location
  tags: tags
}

resource bot 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: botName
  location: location
  tags: tags
}

@description('Runtime identity resource id.')
output runtimeId string = runtime.id

@description('Runtime identity client (application) id.')
output runtimeClientId string = runtime.properties.clientId

@description('Runtime identity object (principal) id.')
output runtimePrincipalId string = runtime.properties.principalId

@description('Bot identity resource id.')
output botId string = bot.id

@description('Bot identity client (application) id.')
output botClientId string = bot.properties.clientId

@description('Bot identity object (principal) id.')
output botPrincipalId string = bot.properties.principalId
