metadata description = 'Workspace-based Application Insights.'

@description('Application Insights component name.')
param name string

@description('Azure region.')
param location string

@description('Tags applied to the resource.')
param tags object

@description('Resource id of the Log Analytics workspace that stores the telemetry.')
param workspaceId string

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: name
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspaceId
    IngestionMode: 'LogAnalytics'
    publicNetworkAccessForIngestion: 'Enabled'
    publicNetworkAccessForQuery: 'Enabled'
  }
}

output id string = appInsights.id
output name string = appInsights.name
