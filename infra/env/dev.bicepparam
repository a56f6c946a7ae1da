// Development environment (resource group rg-l2r-dev; see azure-pipelines.yml).
using '../main.bicep'

param environmentName = 'dev'

param appServicePlanSku = 'B1'

// One instance, still on Redis, so dev runs the same backplane as prod.
param redisSku = {
  name: 'Basic'
  family: 'C'
  capacity: 0
}
param alwaysOn = false

// REPLACE before the first deployment: an Entra group holding the pipeline's service principal
// (it applies the migrations) and the developers allowed to administer the dev database.
// The pipeline refuses to deploy while the all-zero id is still here.
param sqlEntraAdmin = {
  login: 'sg-l2r-sql-admins-dev'
  objectId: '00000000-0000-0000-0000-000000000000'
  principalType: 'Group'
}

param sqlDatabaseSku = {
  name: 'Basic'
  tier: 'Basic'
}
param sqlDatabaseMaxSizeBytes = 2147483648 // 2 GB, the Basic maximum
param sqlBackupStorageRedundancy = 'Local'

// Dev vaults may be purged so a deleted environment can be recreated under the same name.
param keyVaultPurgeProtection = false
param logRetentionInDays = 30
