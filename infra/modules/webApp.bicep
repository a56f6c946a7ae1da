metadata description = 'Linux Web App (.NET 10) serving the L2R API and the Angular SPA, with a system-assigned identity.'

@description('Web App name (globally unique).')
param name string

@description('Azure region.')
param location string

@description('Tags applied to the resources.')
param tags object

@description('Resource id of the App Service plan.')
param planId string

@description('Keep the app loaded (needs Basic or higher; on for prod).')
param alwaysOn bool

@description('Name of the vault holding the secrets the app settings refer to.')
param keyVaultName string

@description('Secret holding the database connection string.')
param connectionStringSecretName string

@description('Secret holding the base64 JWT signing key (created by the pipeline, not by Bicep).')
param signingKeySecretName string

@description('Secret holding the Redis configuration string (the SignalR backplane between instances).')
param redisSecretName string

@description('Name of the Application Insights component.')
param appInsightsName string

@description('Resource id of the Log Analytics workspace receiving the app\'s logs.')
param workspaceId string

@description('JWT issuer; empty means https://<the app\'s default host name>.')
param authIssuer string = ''

@description('JWT audience.')
param authAudience string

@description('Start-up command; the published entry assembly is L2R.Api.dll.')
param appCommandLine string = 'dotnet L2R.Api.dll'

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' existing = {
  name: keyVaultName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: planId
    httpsOnly: true
    // ARR affinity keeps a live board's SignalR connection on one instance when it falls back from WebSockets to
    // long polling (a connection's state lives on the instance that negotiated it); the API itself is stateless.
    clientAffinityEnabled: true
    publicNetworkAccess: 'Enabled'
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      appCommandLine: appCommandLine
      alwaysOn: alwaysOn
      healthCheckPath: '/health/ready'
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      http20Enabled: true
      webSocketsEnabled: true
      remoteDebuggingEnabled: false
    }
  }
}

// Key Vault references end with "/" (no version): App Service then follows the secret's latest version.
var secretsUri = '${vault.properties.vaultUri}secrets/'

resource appSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'appsettings'
  properties: {
    ASPNETCORE_ENVIRONMENT: 'Production'
    Database__Provider: 'SqlServer'
    // The pipeline applies the migration script before deploying; the app's identity holds data roles only.
    Database__Migrate: 'false'
    ConnectionStrings__L2R: '@Microsoft.KeyVault(SecretUri=${secretsUri}${connectionStringSecretName}/)'
    Auth__SigningKey: '@Microsoft.KeyVault(SecretUri=${secretsUri}${signingKeySecretName}/)'
    Auth__Issuer: empty(authIssuer) ? 'https://${site.properties.defaultHostName}' : authIssuer
    Auth__Audience: authAudience
    Seed__DemoTenant: 'false'
    Redis__Configuration: '@Microsoft.KeyVault(SecretUri=${secretsUri}${redisSecretName}/)'
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
  }
}

// Deployments authenticate with Microsoft Entra ID (the pipeline's service connection), never with
// FTP or Kudu basic-auth publishing credentials.
resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: site
  properties: {
    workspaceId: workspaceId
    logs: [
      for category in [
        'AppServiceHTTPLogs'
        'AppServiceConsoleLogs'
        'AppServiceAppLogs'
        'AppServicePlatformLogs'
      ]: {
        category: category
        enabled: true
      }
    ]
  }
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostName
output principalId string = site.identity.principalId
