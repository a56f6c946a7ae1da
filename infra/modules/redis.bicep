metadata description = 'Azure Cache for Redis: the SignalR backplane and the access-change channel shared by the API instances; its connection string goes to Key Vault.'

@description('Cache name (globally unique).')
param name string

@description('Azure region.')
param location string

@description('Tags applied to the resource.')
param tags object

@description('Cache SKU: Basic C0 (dev, no SLA) or Standard C1 (prod, replicated).')
param sku {
  name: 'Basic' | 'Standard' | 'Premium'
  family: 'C' | 'P'
  capacity: int
}

@description('Name of the existing vault receiving the connection string.')
param keyVaultName string

@description('Secret holding the StackExchange.Redis configuration string (the app setting Redis__Configuration refers to it).')
param secretName string

resource cache 'Microsoft.Cache/redis@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    sku: sku
    enableNonSslPort: false
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
    redisConfiguration: {
      // Pub/sub only (SignalR backplane, access changes): nothing is stored, so nothing is evicted or persisted.
      'maxmemory-policy': 'noeviction'
    }
  }
}

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' existing = {
  name: keyVaultName
}

// The access key goes straight from the cache to the vault; it never appears in a parameter or an output.
resource secret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = {
  parent: vault
  name: secretName
  properties: {
    value: '${cache.properties.hostName}:${cache.properties.sslPort},password=${cache.listKeys().primaryKey},ssl=True,abortConnect=False'
    contentType: 'text/plain'
  }
}

output name string = cache.name
output hostName string = cache.properties.hostName
