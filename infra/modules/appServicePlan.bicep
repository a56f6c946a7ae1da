metadata description = 'Linux App Service plan.'

@description('Plan name.')
param name string

@description('Azure region.')
param location string

@description('Tags applied to the resource.')
param tags object

@description('Plan SKU, e.g. B1 (dev) or P0v3 (prod).')
param skuName string

@description('Number of instances.')
@minValue(1)
param capacity int = 1

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: name
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: skuName
    capacity: capacity
  }
  properties: {
    reserved: true // Linux
  }
}

output id string = plan.id
output name string = plan.name
