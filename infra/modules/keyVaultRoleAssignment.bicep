metadata description = 'Grants a principal a built-in role on one Key Vault.'

@description('Name of the existing vault.')
param keyVaultName string

@description('Object id of the principal receiving the role.')
param principalId string

@description('A value known before deployment that identifies the principal (e.g. the web app\'s resource id); seeds the assignment\'s name.')
param principalKey string

@description('Principal type; leave empty when unknown (e.g. the deployer, which may be a user or a service principal).')
@allowed([
  ''
  'ServicePrincipal'
  'User'
  'Group'
])
param principalType string = ''

@description('Built-in role.')
@allowed([
  'Key Vault Secrets User'
  'Key Vault Secrets Officer'
])
param roleName string

var roleIds = {
  'Key Vault Secrets User': '4633458b-17de-408a-b874-0445c86b69e6'
  'Key Vault Secrets Officer': 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
}

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' existing = {
  name: keyVaultName
}

resource roleDefinition 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
  scope: subscription()
  name: roleIds[roleName]
}

resource assignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, principalKey, roleDefinition.id)
  scope: vault
  properties: {
    roleDefinitionId: roleDefinition.id
    principalId: principalId
    principalType: empty(principalType) ? null : principalType
  }
}
