// Beacon on Azure: one resource group holding everything the bot needs.
//
//   user-assigned managed identity ──► Azure Bot (msaAppType UserAssignedMSI) ──► Teams channel
//            │                               │ messaging endpoint
//            │                               ▼
//            ├──────────────────────► App Service (Linux, .NET 10) ── /readyz health check
//            │                               │ APPLICATIONINSIGHTS_CONNECTION_STRING
//            ▼                               ▼
//   Storage account (tables)          Application Insights ──► Log Analytics workspace
//   "Storage Table Data Contributor"
//
// The same identity gets the Bot Framework tokens (it *is* the bot's Microsoft App ID) and reads
// and writes the tables, so there is no secret anywhere: no client secret, no account key, no
// connection string with a key. docs/deploy.md walks through deploying this file.

targetScope = 'resourceGroup'

@description('Azure region for the regional resources (App Service, storage, monitoring, identity). The Azure Bot resource itself is global.')
param location string = resourceGroup().location

@description('Short lowercase prefix for resource names (letters and digits). A hash of the resource group id is appended to names that must be globally unique.')
@minLength(3)
@maxLength(11)
param namePrefix string = 'beacon'

@description('App Service plan SKU (Linux). B1 is the smallest tier with Always On; use P0v3 or larger for production load.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
])
param appServicePlanSku string = 'B1'

@description('Number of App Service instances. Beacon is stateless (all state is in the table store), so more than one is safe.')
@minValue(1)
@maxValue(10)
param instanceCount int = 1

@description('Azure Bot pricing tier: F0 (free, standard channels such as Teams are free) or S1.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('The bot\'s display name in the Azure portal.')
param botDisplayName string = 'Beacon'

@description('Storage account replication. Standard_ZRS keeps the learner data across zones where the region has them.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSku string = 'Standard_LRS'

@description('Days the Log Analytics workspace keeps logs, traces and metrics.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Key that signs campaign report download links (HMAC-SHA256, at least 32 characters). The default is new at each deployment, which only ends links issued before it (they last 15 minutes); pass your own to keep it stable.')
@secure()
@minLength(32)
param reportLinkSigningKey string = newGuid()

@description('Tags put on every resource.')
param tags object = {
  application: 'beacon'
}

var suffix = uniqueString(resourceGroup().id)
var identityName = '${namePrefix}-id-${suffix}'
var planName = '${namePrefix}-plan-${suffix}'
var webAppName = '${namePrefix}-app-${suffix}'
var botName = '${namePrefix}-bot-${suffix}'
var storageAccountName = toLower('${namePrefix}${suffix}')
var workspaceName = '${namePrefix}-logs-${suffix}'
var appInsightsName = '${namePrefix}-ai-${suffix}'

// Built-in role "Storage Table Data Contributor": read, write and delete tables and entities.
var storageTableDataContributorRoleId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'

// The container port the app listens on; App Service forwards HTTPS traffic to it.
var appPort = '8080'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
  tags: tags
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: storageSku
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    accessTier: 'Hot'
  }
}

resource tableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageTableDataContributorRoleId)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributorRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: appServicePlanSku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2024-04-01' = {
  name: webAppName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      appCommandLine: 'dotnet Beacon.Bot.dll'
      alwaysOn: true
      healthCheckPath: '/readyz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        {
          name: 'ASPNETCORE_URLS'
          value: 'http://+:${appPort}'
        }
        {
          name: 'WEBSITES_PORT'
          value: appPort
        }
        {
          name: 'Bot__MicrosoftAppId'
          value: identity.properties.clientId
        }
        {
          name: 'Bot__MicrosoftAppTenantId'
          value: identity.properties.tenantId
        }
        {
          name: 'Bot__ManagedIdentityClientId'
          value: identity.properties.clientId
        }
        {
          name: 'AZURE_CLIENT_ID'
          value: identity.properties.clientId
        }
        {
          name: 'Storage__Provider'
          value: 'AzureTables'
        }
        {
          name: 'Storage__AzureTables__ServiceUri'
          value: storage.properties.primaryEndpoints.table
        }
        {
          // The app's own address, for links Beacon sends (the campaign report's CSV download).
          name: 'Bot__PublicBaseUrl'
          value: 'https://${webAppName}.azurewebsites.net'
        }
        {
          // Every instance signs and checks report links with the same key.
          name: 'Campaigns__ExportSigningKey'
          value: reportLinkSigningKey
        }
        {
          name: 'Content__Path'
          value: '/home/site/wwwroot/content'
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsights.properties.ConnectionString
        }
      ]
    }
  }
}

// The app's console output (ILogger), HTTP access log and platform events go to the workspace,
// where docs/operations.md's queries and alerts read them.
resource webAppDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: webApp
  properties: {
    workspaceId: workspace.id
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: identity.properties.tenantId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
    }
  }
}

@description('Host name of the web app: the bot\'s messaging endpoint is https://<this>/api/messages.')
output appHostName string = webApp.properties.defaultHostName

@description('Name of the web app, for `az webapp deploy --name`.')
output webAppName string = webApp.name

@description('The messaging endpoint registered on the Azure Bot resource.')
output messagingEndpoint string = bot.properties.endpoint

@description('Resource id of the Azure Bot resource.')
output botId string = bot.id

@description('Name of the Azure Bot resource.')
output botName string = bot.name

@description('Client id of the managed identity: the bot\'s Microsoft App ID, which goes into the Teams app manifest (`manifest pack --app-id`).')
output identityClientId string = identity.properties.clientId

@description('Table service endpoint of the storage account (Storage__AzureTables__ServiceUri).')
output tableEndpoint string = storage.properties.primaryEndpoints.table
