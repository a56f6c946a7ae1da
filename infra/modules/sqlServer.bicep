metadata description = 'Azure SQL logical server with Microsoft Entra-only authentication, and the L2R database.'

@description('Logical server name (globally unique, lowercase).')
param name string

@description('Database name.')
param databaseName string

@description('Azure region.')
param location string

@description('Tags applied to the resources.')
param tags object

@description('The server\'s Microsoft Entra admin: a group holding the pipeline\'s service principal and the DBAs.')
param entraAdmin {
  @description('Display name of the group, user or application.')
  login: string
  @description('Object id of the group or user; for an application, its application (client) id.')
  objectId: string
  principalType: 'Group' | 'User' | 'Application'
}

@description('Database SKU, e.g. { name: \'Basic\', tier: \'Basic\' } or { name: \'GP_S_Gen5\', tier: \'GeneralPurpose\', family: \'Gen5\', capacity: 2 }.')
param databaseSku object

@description('Largest database size in bytes.')
param maxSizeBytes int

@description('Backup storage redundancy.')
@allowed([
  'Local'
  'Zone'
  'Geo'
])
param backupStorageRedundancy string = 'Local'

resource server 'Microsoft.Sql/servers@2025-01-01' = {
  name: name
  location: location
  tags: tags
  // Its identity resolves "CREATE USER ... FROM EXTERNAL PROVIDER"; give it the Entra role "Directory Readers" once.
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    minimalTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
    administrators: {
      administratorType: 'ActiveDirectory'
      azureADOnlyAuthentication: true // no SQL logins, no password to keep
      login: entraAdmin.login
      sid: entraAdmin.objectId
      principalType: entraAdmin.principalType
      tenantId: subscription().tenantId
    }
  }
}

// 0.0.0.0 is the documented special rule "Allow Azure services", so App Service reaches the server
// without a VNet. The pipeline opens (and then closes) a rule for its agent's own address.
resource allowAzureServices 'Microsoft.Sql/servers/firewallRules@2025-01-01' = {
  parent: server
  name: 'AllowAllWindowsAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource database 'Microsoft.Sql/servers/databases@2025-01-01' = {
  parent: server
  name: databaseName
  location: location
  tags: tags
  sku: databaseSku
  properties: {
    collation: 'SQL_Latin1_General_CP1_CI_AS'
    maxSizeBytes: maxSizeBytes
    requestedBackupStorageRedundancy: backupStorageRedundancy
    zoneRedundant: false
  }
}

output name string = server.name
output fullyQualifiedDomainName string = server.properties.fullyQualifiedDomainName
output databaseName string = database.name
