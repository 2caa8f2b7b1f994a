// Azure resources for Hvidovrevejen: one Linux App Service for bot and tab,
// a user-assigned managed identity, the Azure Bot with the Teams channel,
// and a Storage account for the bot's state (BlobsStorage).
//
// The identity is the bot's identity (msaAppType UserAssignedMSI) and reads
// and writes the storage through RBAC: no client secret and no storage key
// exist, so none can expire or leak.

@minLength(4)
@maxLength(20)
@description('Base name for every resource; keep it short, lowercase and unique.')
param resourceBaseName string

@description('App Service plan SKU. B1 is enough for a municipality; P0v3 for more headroom.')
param webAppSku string = 'B1'

@description('Name of the bot as it appears in Teams.')
param botDisplayName string = 'Hvidovrevejen'

@description('The Teams app id, for deep links from the bot into the tab.')
param teamsAppId string = ''

@description('Client id of the tab\'s Entra app for Teams single sign-on (aadApp/create).')
param aadAppClientId string = ''

@description('The tenant that app belongs to; SSO tokens from any other tenant are refused.')
param aadAppTenantId string = ''

@description('Entra object ids (comma-separated) of the charter\'s owners: Indsigt and the weekly card anywhere.')
param adminIds string = ''

param storageContainerName string = 'hvidovrevejen'
param location string = resourceGroup().location

var storageName = take(toLower(replace('${resourceBaseName}state', '-', '')), 24)
// Built-in role: Storage Blob Data Contributor.
var blobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: resourceBaseName
  location: location
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    // Back-up of the bot's state: deleted or overwritten blobs can be restored for 14 days.
    isVersioningEnabled: true
    deleteRetentionPolicy: { enabled: true, days: 14 }
    containerDeleteRetentionPolicy: { enabled: true, days: 14 }
  }
}

resource container 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: storageContainerName
}

resource blobAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, identity.id, blobDataContributor)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', blobDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'linux'
  sku: { name: webAppSku }
  properties: { reserved: true }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: 'node --disable-warning=DEP0111 lib/bot/index.js'
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      healthCheckPath: '/healthz'
      appSettings: [
        { name: 'WEBSITE_RUN_FROM_PACKAGE', value: '1' }
        { name: 'BOT_ID', value: identity.properties.clientId }
        { name: 'BOT_TENANT_ID', value: identity.properties.tenantId }
        { name: 'BOT_TYPE', value: 'UserAssignedMSI' }
        { name: 'STORAGE_ACCOUNT_URL', value: storage.properties.primaryEndpoints.blob }
        { name: 'STORAGE_CONTAINER', value: storageContainerName }
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'TEAMS_APP_ID', value: teamsAppId }
        { name: 'TAB_ENDPOINT', value: 'https://${resourceBaseName}.azurewebsites.net' }
        { name: 'AAD_APP_CLIENT_ID', value: aadAppClientId }
        { name: 'AAD_APP_TENANT_ID', value: aadAppTenantId }
        { name: 'ADMIN_IDS', value: adminIds }
      ]
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: resourceBaseName
  location: 'global'
  kind: 'azurebot'
  sku: { name: 'F0' }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: identity.properties.tenantId
    msaAppType: 'UserAssignedMSI'
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
  }
}

// Written to env/.env.<env> by Teams Toolkit's arm/deploy.
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_ID string = identity.properties.clientId
output BOT_TENANT_ID string = identity.properties.tenantId
output BOT_DOMAIN string = webApp.properties.defaultHostName
output TAB_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output TAB_DOMAIN string = webApp.properties.defaultHostName
output STORAGE_ACCOUNT_URL string = storage.properties.primaryEndpoints.blob
