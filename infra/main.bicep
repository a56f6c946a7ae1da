metadata description = 'L2R: one environment (dev or prod) in one resource group. See infra/README.md.'

targetScope = 'resourceGroup'

@description('Environment this deployment is for; picks names and tags.')
@allowed([
  'dev'
  'prod'
])
param environmentName string

@description('Short application name used in resource names.')
@minLength(2)
@maxLength(8)
param appName string = 'l2r'

@description('Azure region; defaults to the resource group\'s.')
param location string = resourceGroup().location

@description('App Service plan SKU (B1 for dev, P0v3 or higher for prod).')
param appServicePlanSku string

@description('App Service plan instance count (instances of the API behind App Service\'s load balancer).')
@minValue(1)
param appServicePlanCapacity int = 1

@description('Most instances autoscale may add on CPU load; equal to appServicePlanCapacity, no autoscale (Basic plans cannot).')
@minValue(1)
param appServicePlanMaxCapacity int = appServicePlanCapacity

@description('Azure Cache for Redis SKU: the SignalR backplane and access-change channel between the instances.')
param redisSku {
  name: 'Basic' | 'Standard' | 'Premium'
  family: 'C' | 'P'
  capacity: int
}

@description('Keep the web app loaded (Always On); on for prod.')
param alwaysOn bool

@description('Microsoft Entra admin of the SQL server: a group holding the pipeline\'s service principal and the DBAs.')
param sqlEntraAdmin {
  login: string
  objectId: string
  principalType: 'Group' | 'User' | 'Application'
}

@description('SQL database SKU object (name, tier, and for vCore SKUs family and capacity).')
param sqlDatabaseSku object

@description('Largest SQL database size in bytes.')
param sqlDatabaseMaxSizeBytes int

@description('SQL backup storage redundancy.')
@allowed([
  'Local'
  'Zone'
  'Geo'
])
param sqlBackupStorageRedundancy string = 'Local'

@description('Key Vault purge protection (irreversible once on); on for prod.')
param keyVaultPurgeProtection bool

@description('Days Log Analytics keeps data.')
@minValue(30)
param logRetentionInDays int = 30

@description('JWT issuer; empty means https://<web app default host name>.')
param authIssuer string = ''

@description('JWT audience.')
param authAudience string = 'l2r-api'

@description('Grant whoever runs the deployment (the pipeline\'s service principal) "Key Vault Secrets Officer", so it can create the JWT signing key.')
param grantDeployerSecretsOfficer bool = true

@description('Extra tags for every resource.')
param tags object = {}

var suffix = uniqueString(resourceGroup().id)
var baseName = '${appName}-${environmentName}'
var allTags = union({ app: appName, environment: environmentName }, tags)

var names = {
  logAnalytics: 'log-${baseName}-${suffix}'
  appInsights: 'appi-${baseName}-${suffix}'
  appServicePlan: 'asp-${baseName}-${suffix}'
  webApp: 'app-${baseName}-${suffix}'
  sqlServer: 'sql-${baseName}-${suffix}'
  sqlDatabase: 'sqldb-${baseName}'
  keyVault: take('kv-${baseName}-${suffix}', 24)
  redis: 'redis-${baseName}-${suffix}'
}

// Secret names follow the configuration keys they feed ("--" stands for ":").
var connectionStringSecretName = 'ConnectionStrings--L2R'
var signingKeySecretName = 'Auth--SigningKey'
var redisSecretName = 'Redis--Configuration'

module logAnalytics 'modules/logAnalytics.bicep' = {
  name: 'logAnalytics'
  params: {
    name: names.logAnalytics
    location: location
    tags: allTags
    retentionInDays: logRetentionInDays
  }
}

module appInsights 'modules/appInsights.bicep' = {
  name: 'appInsights'
  params: {
    name: names.appInsights
    location: location
    tags: allTags
    workspaceId: logAnalytics.outputs.id
  }
}

module keyVault 'modules/keyVault.bicep' = {
  name: 'keyVault'
  params: {
    name: names.keyVault
    location: location
    tags: allTags
    enablePurgeProtection: keyVaultPurgeProtection
    workspaceId: logAnalytics.outputs.id
  }
}

module sql 'modules/sqlServer.bicep' = {
  name: 'sql'
  params: {
    name: names.sqlServer
    databaseName: names.sqlDatabase
    location: location
    tags: allTags
    entraAdmin: sqlEntraAdmin
    databaseSku: sqlDatabaseSku
    maxSizeBytes: sqlDatabaseMaxSizeBytes
    backupStorageRedundancy: sqlBackupStorageRedundancy
  }
}

// No password anywhere: the app signs in to SQL with its managed identity. The string lives in
// Key Vault anyway so that every connection setting has one home.
module connectionStringSecret 'modules/keyVaultSecret.bicep' = {
  name: 'connectionStringSecret'
  dependsOn: [
    keyVault
  ]
  params: {
    keyVaultName: names.keyVault
    name: connectionStringSecretName
    value: 'Server=tcp:${sql.outputs.fullyQualifiedDomainName},1433;Database=${sql.outputs.databaseName};Authentication=Active Directory Managed Identity;Encrypt=True;TrustServerCertificate=False;Connection Timeout=30;'
  }
}

module redis 'modules/redis.bicep' = {
  name: 'redis'
  dependsOn: [
    keyVault
  ]
  params: {
    name: names.redis
    location: location
    tags: allTags
    sku: redisSku
    keyVaultName: names.keyVault
    secretName: redisSecretName
  }
}

module appServicePlan 'modules/appServicePlan.bicep' = {
  name: 'appServicePlan'
  params: {
    name: names.appServicePlan
    location: location
    tags: allTags
    skuName: appServicePlanSku
    capacity: appServicePlanCapacity
    maxCapacity: appServicePlanMaxCapacity
  }
}

module webApp 'modules/webApp.bicep' = {
  name: 'webApp'
  dependsOn: [
    keyVault
    appInsights
    connectionStringSecret
    redis
  ]
  params: {
    name: names.webApp
    location: location
    tags: allTags
    planId: appServicePlan.outputs.id
    alwaysOn: alwaysOn
    keyVaultName: names.keyVault
    connectionStringSecretName: connectionStringSecretName
    signingKeySecretName: signingKeySecretName
    redisSecretName: redisSecretName
    appInsightsName: names.appInsights
    workspaceId: logAnalytics.outputs.id
    authIssuer: authIssuer
    authAudience: authAudience
  }
}

module webAppSecretsUser 'modules/keyVaultRoleAssignment.bicep' = {
  name: 'webAppSecretsUser'
  dependsOn: [
    keyVault
  ]
  params: {
    keyVaultName: names.keyVault
    principalId: webApp.outputs.principalId
    principalKey: resourceId('Microsoft.Web/sites', names.webApp)
    principalType: 'ServicePrincipal'
    roleName: 'Key Vault Secrets User'
  }
}

module deployerSecretsOfficer 'modules/keyVaultRoleAssignment.bicep' = if (grantDeployerSecretsOfficer) {
  name: 'deployerSecretsOfficer'
  dependsOn: [
    keyVault
  ]
  params: {
    keyVaultName: names.keyVault
    principalId: deployer().objectId
    principalKey: deployer().objectId
    roleName: 'Key Vault Secrets Officer'
  }
}

output resourceGroupName string = resourceGroup().name
output webAppName string = webApp.outputs.name
output webAppHostName string = webApp.outputs.defaultHostName
output webAppPrincipalId string = webApp.outputs.principalId
output sqlServerName string = sql.outputs.name
output sqlServerFqdn string = sql.outputs.fullyQualifiedDomainName
output sqlDatabaseName string = sql.outputs.databaseName
output keyVaultName string = keyVault.outputs.name
output keyVaultUri string = keyVault.outputs.uri
output signingKeySecretName string = signingKeySecretName
output connectionStringSecretName string = connectionStringSecretName
output appInsightsName string = appInsights.outputs.name
output redisName string = redis.outputs.name
