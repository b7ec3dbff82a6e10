// Log Analytics + workspace-based Application Insights. Local (key) ingestion is disabled: the Function App sends
// telemetry with its managed identity (Monitoring Metrics Publisher, see roles.bicep), so the connection string is
// not a secret.

@description('Azure region.')
param location string

@description('Resource name prefix, e.g. "aipolicybot-dev".')
param namePrefix string

@description('Application Insights resource name.')
param appInsightsName string

@description('Days Log Analytics keeps data (30 is the free retention).')
@minValue(30)
@maxValue(730)
param retentionDays int

@description('Daily ingestion cap in GB; protects the monthly bill from a logging loop. -1 means no cap.')
param dailyCapGb int

@description('Tags for every resource.')
param tags object

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${namePrefix}'
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: retentionDays
    workspaceCapping: { dailyQuotaGb: dailyCapGb }
    features: { disableLocalAuth: true }
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
    DisableLocalAuth: true
    DisableIpMasking: false
  }
}

@description('Application Insights resource name (roles.bicep scopes Monitoring Metrics Publisher to it).')
output appInsightsName string = appInsights.name

@description('Connection string; not a secret because local auth is disabled (Entra-only ingestion).')
output connectionString string = appInsights.properties.ConnectionString
