metadata description = 'One Key Vault secret whose value is known at deployment time (never a generated credential).'

@description('Name of the existing vault.')
param keyVaultName string

@description('Secret name.')
param name string

@description('Secret value.')
@secure()
param value string

@description('Content type shown in the portal.')
param contentType string = 'text/plain'

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' existing = {
  name: keyVaultName
}

resource secret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = {
  parent: vault
  name: name
  properties: {
    value: value
    contentType: contentType
  }
}

output name string = secret.name
