metadata description = 'Log Analytics workspace: the sink for Application Insights and diagnostic logs.'

@description('Workspace name.')
param name string

@description('Azure region.')
param location string

@description('Tags applied to the resource.')
param tags object

@description('Days to keep data.')
@minValue(30)
@maxValue(730)
param retentionInDays int = 30

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-02-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    features: {
      enableLogAccessUsingOnlyResourcePermissions: true
    }
  }
}

output id string = workspace.id
output name string = workspace.name
