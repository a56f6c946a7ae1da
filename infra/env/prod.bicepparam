// Production environment (resource group rg-l2r-prod; see azure-pipelines.yml).
using '../main.bicep'

param environmentName = 'prod'

param appServicePlanSku = 'P0v3'
// Two instances at least (one can restart while the other serves), up to four on CPU load.
param appServicePlanCapacity = 2
param appServicePlanMaxCapacity = 4

// Standard: replicated, with an SLA; the live board and the access changes depend on it.
param redisSku = {
  name: 'Standard'
  family: 'C'
  capacity: 1
}
param alwaysOn = true

// REPLACE before the first deployment: an Entra group holding the pipeline's service principal
// (it applies the migrations) and the DBAs. The pipeline refuses to deploy while the all-zero id is still here.
param sqlEntraAdmin = {
  login: 'sg-l2r-sql-admins-prod'
  objectId: '00000000-0000-0000-0000-000000000000'
  principalType: 'Group'
}

param sqlDatabaseSku = {
  name: 'S1'
  tier: 'Standard'
}
param sqlDatabaseMaxSizeBytes = 53687091200 // 50 GB
param sqlBackupStorageRedundancy = 'Geo'

param keyVaultPurgeProtection = true
param logRetentionInDays = 90
