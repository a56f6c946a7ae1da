metadata description = 'Linux App Service plan.'

@description('Plan name.')
param name string

@description('Azure region.')
param location string

@description('Tags applied to the resource.')
param tags object

@description('Plan SKU, e.g. B1 (dev) or P0v3 (prod).')
param skuName string

@description('Number of instances (the autoscale minimum).')
@minValue(1)
param capacity int = 1

@description('Most instances autoscale may run; equal to capacity, no autoscale setting is made.')
@minValue(1)
param maxCapacity int = capacity

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

// Out on sustained CPU, back in when it is quiet: the instances share one database and Redis, so any number serve alike.
resource autoscale 'Microsoft.Insights/autoscalesettings@2022-10-01' = if (maxCapacity > capacity) {
  name: '${name}-autoscale'
  location: location
  tags: tags
  properties: {
    enabled: true
    targetResourceUri: plan.id
    profiles: [
      {
        name: 'cpu'
        capacity: {
          minimum: string(capacity)
          maximum: string(maxCapacity)
          default: string(capacity)
        }
        rules: [
          {
            metricTrigger: {
              metricName: 'CpuPercentage'
              metricResourceUri: plan.id
              timeGrain: 'PT1M'
              statistic: 'Average'
              timeWindow: 'PT10M'
              timeAggregation: 'Average'
              operator: 'GreaterThan'
              threshold: 70
            }
            scaleAction: {
              direction: 'Increase'
              type: 'ChangeCount'
              value: '1'
              cooldown: 'PT10M'
            }
          }
          {
            metricTrigger: {
              metricName: 'CpuPercentage'
              metricResourceUri: plan.id
              timeGrain: 'PT1M'
              statistic: 'Average'
              timeWindow: 'PT20M'
              timeAggregation: 'Average'
              operator: 'LessThan'
              threshold: 30
            }
            scaleAction: {
              direction: 'Decrease'
              type: 'ChangeCount'
              value: '1'
              cooldown: 'PT20M'
            }
          }
        ]
      }
    ]
  }
}

output id string = plan.id
output name string = plan.name
