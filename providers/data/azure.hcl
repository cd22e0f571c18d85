# Microsoft Azure through hashicorp/azurerm and Azure/azapi, located by each
# resource's `location` (display names such as "West Europe" normalise to
# "westeurope"), and Microsoft Entra ID through hashicorp/azuread, a global
# identity service with no location at all.
#
# A custom cloud (metadata_host) or a non-public environment is another
# operator: possibly Bleu (Orange + Capgemini), whose endpoints and region
# names are not public, or Delos Cloud (SAP, Germany). The catalog cannot
# tell, so it says "unknown" and asks the user to declare the cloud in
# .sovlint.hcl.

source "sccrawler_azure" {
  title  = "SpareCores sc-crawler Azure region → country table (two country typos corrected by the research)"
  repo   = "SpareCores/sc-crawler"
  path   = "src/sc_crawler/vendors/_azure.py"
  commit = "4bcc0b18071228470757043ea20b823be2fca0bd"
  date   = "2026-07-24"
}

source "ms_region_pairs" {
  title = "Microsoft Learn, Azure region pairs and nonpaired regions (geo-redundant storage replicates to the pair)"
  url   = "https://learn.microsoft.com/en-us/azure/reliability/cross-region-replication-azure"
  date  = "2026"
}

source "tf_azurerm_cosmosdb_account" {
  title = "terraform-provider-azurerm azurerm_cosmosdb_account: geo_location { location, failover_priority }, every region the account's data is replicated to"
  url   = "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/cosmosdb_account#geo_location-1"
  date  = "2026"
}

source "tf_azurerm_mssql_database" {
  title = "terraform-provider-azurerm azurerm_mssql_database: create_mode Copy, Secondary (geo-replica), Restore… from creation_source_database_id"
  url   = "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_database#creation_source_database_id-1"
  date  = "2026"
}

source "tf_azurerm_mssql_failover_group" {
  title = "terraform-provider-azurerm azurerm_mssql_failover_group: server_id and partner_server { id }, the databases replicated to the partner"
  url   = "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_failover_group"
  date  = "2026"
}

source "tf_azurerm_flexible_server_replica" {
  title = "terraform-provider-azurerm azurerm_postgresql_flexible_server and azurerm_mysql_flexible_server: create_mode Replica from source_server_id"
  url   = "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/postgresql_flexible_server#source_server_id-1"
  date  = "2026"
}

source "tf_azurerm_storage_account" {
  title = "terraform-provider-azurerm azurerm_storage_account: account_replication_type LRS, GRS, RAGRS, ZRS, GZRS, RAGZRS"
  url   = "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account#account_replication_type"
  date  = "2026"
}

source "tf_azurerm_environment" {
  title = "hashicorp/terraform-provider-azurerm PR #25546, provider docs diff: `environment` is public, usgovernment, german or china (ARM_ENVIRONMENT); `metadata_host` selects a custom cloud"
  url   = "https://github.com/hashicorp/terraform-provider-azurerm/pull/25546"
  date  = "2024"
}

source "ms_azure_sovereign_clouds" {
  title = "Microsoft Learn, Get-AzEnvironment: built-in clouds AzureCloud, AzureUSGovernment, AzureChinaCloud"
  url   = "https://learn.microsoft.com/es-es/powershell/module/Az.Accounts/Get-AzEnvironment"
  date  = "2026"
}

source "avm_regions" {
  title = "Azure/terraform-azurerm-avm-utl-regions cached Azure locations: swedencentral paired with swedensouth, jioindiacentral with jioindiawest"
  url   = "https://github.com/Azure/terraform-azurerm-avm-utl-regions/blob/main/modules/cached-data/locations.tf.json"
  date  = "2026-03-12"
}

source "sec_microsoft" {
  title = "US SEC EDGAR filings of Microsoft Corporation (Washington; annual reports 10-K)"
  url   = "https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=0000789019&type=10-K"
  date  = "2026"
}

source "tf_azurerm_global_resources" {
  title = "terraform-provider-azurerm documentation: DNS zones, Traffic Manager profiles, management groups, role and policy resources take no location argument"
  url   = "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/dns_zone"
  date  = "2026"
}

source "tf_azuread_index" {
  title = "terraform-provider-azuread documentation: Entra ID objects (users, groups, applications) have no location"
  url   = "https://registry.terraform.io/providers/hashicorp/azuread/latest/docs"
  date  = "2026"
}

source "heise_delos_2022" {
  title = "heise online: SAP has founded a subsidiary, Delos Cloud, to run a Microsoft Azure-based cloud for the German administration in German data centres"
  url   = "https://www.heise.de/news/Digitale-Souveraenitaet-Microsoft-Cloud-soll-2024-starten-7338725.html"
  date  = "2022-11"
}

source "heise_delos_2024" {
  title = "heise online: SAP invests two billion euros in sovereign clouds, including Delos, an SAP subsidiary using Microsoft cloud software"
  url   = "https://heise.de/en/news/SAP-Two-billion-euros-for-sovereign-clouds-with-and-without-Microsoft-9939213.html"
  date  = "2024"
}

source "arvato_delos_bleu_2025" {
  title = "Arvato Systems: Delos Cloud and Bleu announce closer cooperation (national Azure-technology clouds of Germany and France)"
  url   = "https://www.arvato-systems.ch/blog/national-cloud-anbieter-kuendigen-verstaerkte-zusammenarbeit-an"
  date  = "2025-11-24"
}

source "clubic_bleu_j0" {
  title = "Clubic: Bleu en route vers la qualification SecNumCloud 3.2 (jalon J0)"
  url   = "https://clubic.com/actualite-562404-bleu-le-cloud-francais-est-en-route-vers-la-certification-secnumcloud-3-2-plus-haute-qualification-de-securite.html"
  date  = "2025-04-17"
}

provider "azurerm" {
  name     = "Microsoft Azure"
  registry = ["hashicorp/azurerm", "Azure/azapi"]

  location {
    # Almost every azurerm resource has `location`; child resources (a
    # storage container, a SQL database) take their parent's, which only the
    # analysis of references can find.
    resource_attributes = ["location"]
    # Child resources take their parent's location: a SQL database its
    # server's, a subnet its network's, a secret its vault's. Most direct
    # parent first; the resource group last, as the weakest hint.
    parent_attributes = [
      "parent_id", # azapi_resource: the resource it is created in
      "server_id", "key_vault_id", "storage_account_id", "storage_account_name", "virtual_network_name",
      "virtual_network_id", "network_security_group_name", "network_security_group_id", "azure_firewall_name",
      "firewall_policy_id", "account_name", "account_id", "cluster_id", "kubernetes_cluster_id", "workspace_id",
      "service_plan_id", "app_service_plan_id", "namespace_name", "namespace_id", "eventhub_name",
      "virtual_machine_id", "network_interface_id", "resource_group_name",
    ]
    env = ["ARM_ENVIRONMENT", "ARM_METADATA_HOSTNAME"]
  }

  tags {
    resource_attributes = ["tags"]
  }

  operator {
    name             = "Microsoft Corporation"
    country          = "US"
    parent_country   = "US"
    eu_legal_control = "no"
    laws             = ["the US CLOUD Act", "FISA section 702"]
    source           = ["sec_microsoft", "us_cloud_act"]
    as_of            = "2026-11-26"
    verified         = "secondary"
  }

  secnumcloud {
    status   = "not_qualified"
    note     = "Public Azure is absent from the ANSSI catalogue; Bleu, which runs Azure technology, is in progress (J1 on 2025-11-17) and not reachable as public Azure"
    source   = ["anssi_catalogue", "snc_ref_32"]
    as_of    = "2026-09-26"
    verified = "secondary"
  }

  global_service "Azure global resources (management groups, subscriptions, RBAC, policy, DNS, Traffic Manager, Front Door)" {
    resource_types = [
      "azurerm_management_group*", "azurerm_subscription*", "azurerm_role_*", "azurerm_policy_*",
      "azurerm_*_policy_assignment", "azurerm_dns_*", "azurerm_private_dns_*", "azurerm_traffic_manager_*",
      "azurerm_frontdoor*", "azurerm_cdn_frontdoor_*",
    ]
    note     = "These resources have no region: Azure serves them from every region"
    source   = ["tf_azurerm_global_resources"]
    as_of    = "2026-09"
    verified = "unverified"
  }

  # Geo-redundant storage copies every blob to the region's pair (SOV006).
  replication "Cosmos DB geo-replication" {
    resource_types = ["azurerm_cosmosdb_account"]
    path           = "geo_location.location"
    source         = ["tf_azurerm_cosmosdb_account"]
    as_of          = "2026-11-26"
    verified       = "primary"
  }

  replication "SQL database copy or geo-replica" {
    resource_types   = ["azurerm_mssql_database"]
    source_reference = "creation_source_database_id"
    source           = ["tf_azurerm_mssql_database"]
    as_of            = "2026-11-26"
    verified         = "primary"
  }

  replication "SQL failover group partner" {
    resource_types        = ["azurerm_mssql_failover_group"]
    source_reference      = "server_id"
    destination_reference = "partner_server.id"
    source                = ["tf_azurerm_mssql_failover_group"]
    as_of                 = "2026-11-26"
    verified              = "primary"
  }

  replication "flexible server read replica" {
    resource_types   = ["azurerm_postgresql_flexible_server", "azurerm_mysql_flexible_server"]
    source_reference = "source_server_id"
    source           = ["tf_azurerm_flexible_server_replica"]
    as_of            = "2026-11-26"
    verified         = "primary"
  }

  replication "geo-redundant storage (GRS, GZRS) to the paired region" {
    resource_types = ["azurerm_storage_account"]
    path           = "account_replication_type"
    when_values    = ["GRS", "RAGRS", "GZRS", "RAGZRS"]
    source         = ["tf_azurerm_storage_account", "ms_region_pairs"]
    as_of          = "2026-11-23"
    verified       = "secondary"
  }

  # What schemes other than SecNumCloud say of the offering (SOV007).
  certification "c5" {
    scheme   = "bsi-c5"
    status   = "certified"
    note     = "The source says Microsoft Azure holds C5 attestations, without their type, period or the services and regions in scope: unverified until those are read from the report, so no requirement passes on it. Declare the attestation your procurement checked, with its scope, in .sovlint.hcl"
    source   = ["c5_nexalign"]
    as_of    = "2026-11-26"
    verified = "unverified"
  }

  certification "ens" {
    scheme   = "ens"
    level    = "alta"
    status   = "certified"
    note     = "Microsoft states ENS High-level certification; the certificate's dates and the services in scope were not read, and an ENS certificate lasts two years: no requirement passes on it"
    source   = ["ens_microsoft"]
    as_of    = "2026-11-26"
    verified = "unverified"
  }

  regions {
    # Pairs: ms_region_pairs; countries: the other two.
    source   = ["sccrawler_azure", "ms_region_pairs"]
    as_of    = "2026-07-24"
    verified = "secondary"

    region "francecentral" {
      name    = "France Central (Paris)"
      country = "FR"
      pair    = "francesouth"
    }
    region "francesouth" {
      name    = "France South (Marseille)"
      country = "FR"
      pair    = "francecentral"
    }
    region "westeurope" {
      name    = "West Europe (Netherlands)"
      country = "NL"
      pair    = "northeurope"
    }
    region "northeurope" {
      name    = "North Europe (Ireland)"
      country = "IE"
      pair    = "westeurope"
    }
    region "germanywestcentral" {
      name    = "Germany West Central (Frankfurt)"
      country = "DE"
      pair    = "germanynorth"
    }
    region "germanynorth" {
      name    = "Germany North (Berlin)"
      country = "DE"
      pair    = "germanywestcentral"
    }
    region "italynorth" {
      name    = "Italy North (Milan)"
      country = "IT"
    }
    region "spaincentral" {
      name    = "Spain Central (Madrid)"
      country = "ES"
    }
    region "polandcentral" {
      name    = "Poland Central (Warsaw)"
      country = "PL"
    }
    region "swedencentral" {
      name    = "Sweden Central (Gävle)"
      country = "SE"
      pair    = "swedensouth"
    }
    region "austriaeast" {
      name    = "Austria East (Vienna)"
      country = "AT"
    }
    region "belgiumcentral" {
      name    = "Belgium Central (Brussels)"
      country = "BE"
    }
    region "denmarkeast" {
      name    = "Denmark East (Copenhagen)"
      country = "DK"
    }
    region "norwayeast" {
      country = "NO"
      pair    = "norwaywest"
    }
    region "norwaywest" {
      country = "NO"
      pair    = "norwayeast"
    }
    region "switzerlandnorth" {
      country = "CH"
      pair    = "switzerlandwest"
    }
    region "switzerlandwest" {
      country = "CH"
      pair    = "switzerlandnorth"
    }
    region "uksouth" {
      name    = "UK South (London)"
      country = "GB"
      pair    = "ukwest"
    }
    region "ukwest" {
      country = "GB"
      pair    = "uksouth"
    }
    region "israelcentral" { country = "IL" }
    region "qatarcentral" { country = "QA" }
    region "uaecentral" {
      country = "AE"
      pair    = "uaenorth"
    }
    region "uaenorth" {
      country = "AE"
      pair    = "uaecentral"
    }
    region "southafricanorth" {
      country = "ZA"
      pair    = "southafricawest"
    }
    region "southafricawest" {
      country = "ZA"
      pair    = "southafricanorth"
    }
    region "eastus" {
      country = "US"
      pair    = "westus"
    }
    region "eastus2" {
      country = "US"
      pair    = "centralus"
    }
    region "centralus" {
      country = "US"
      pair    = "eastus2"
    }
    region "northcentralus" {
      country = "US"
      pair    = "southcentralus"
    }
    region "southcentralus" {
      country = "US"
      pair    = "northcentralus"
    }
    region "westcentralus" {
      country = "US"
      pair    = "westus2"
    }
    region "westus" {
      country = "US"
      pair    = "eastus"
    }
    region "westus2" {
      country = "US"
      pair    = "westcentralus"
    }
    region "westus3" {
      country = "US"
      pair    = "eastus"
    }
    region "canadacentral" {
      country = "CA"
      pair    = "canadaeast"
    }
    region "canadaeast" {
      country = "CA"
      pair    = "canadacentral"
    }
    region "mexicocentral" {
      country = "MX"
      note    = "sc-crawler lists ZA; Querétaro is in Mexico"
    }
    region "brazilsouth" {
      country = "BR"
      pair    = "southcentralus"
    }
    region "brazilsoutheast" {
      country = "BR"
      note    = "sc-crawler lists US; Rio de Janeiro is in Brazil"
      pair    = "brazilsouth"
    }
    region "chilecentral" { country = "CL" }
    region "australiacentral" {
      country = "AU"
      pair    = "australiacentral2"
    }
    region "australiacentral2" {
      country = "AU"
      pair    = "australiacentral"
    }
    region "australiaeast" {
      country = "AU"
      pair    = "australiasoutheast"
    }
    region "australiasoutheast" {
      country = "AU"
      pair    = "australiaeast"
    }
    region "eastasia" {
      country = "HK"
      pair    = "southeastasia"
    }
    region "southeastasia" {
      country = "SG"
      pair    = "eastasia"
    }
    region "japaneast" {
      country = "JP"
      pair    = "japanwest"
    }
    region "japanwest" {
      country = "JP"
      pair    = "japaneast"
    }
    region "koreacentral" {
      country = "KR"
      pair    = "koreasouth"
    }
    region "koreasouth" {
      country = "KR"
      pair    = "koreacentral"
    }
    region "centralindia" {
      country = "IN"
      pair    = "southindia"
    }
    region "southindia" {
      country = "IN"
      pair    = "centralindia"
    }
    region "westindia" {
      country = "IN"
      pair    = "southindia"
    }
    region "jioindiacentral" {
      country = "IN"
      pair    = "jioindiawest"
    }
    region "jioindiawest" {
      country = "IN"
      pair    = "jioindiacentral"
    }
    region "indonesiacentral" { country = "ID" }
    region "malaysiawest" { country = "MY" }
    region "newzealandnorth" { country = "NZ" }
  }

  # Sweden South is a restricted region: customers do not deploy there, but
  # geo-redundant storage in Sweden Central replicates to it.
  regions {
    source   = ["avm_regions"]
    as_of    = "2026-03-12"
    verified = "primary"

    region "swedensouth" {
      name    = "Sweden South (Malmö; restricted, the pair of Sweden Central)"
      country = "SE"
      pair    = "swedencentral"
    }
  }

  regions {
    source   = ["tf_azurerm_global_resources"]
    as_of    = "2026-09"
    verified = "unverified"

    region "global" {
      name   = "Global location (location = \"global\")"
      global = true
    }
  }

  # A custom metadata host is an Azure Stack or a partner cloud: Bleu may
  # be reached this way, but nothing public says how.
  variant "custom-cloud" {
    name = "Azure-compatible cloud behind a custom metadata_host"
    when {
      attribute = "metadata_host"
      matches   = "."
    }

    operator {
      name             = "Operator of a custom Azure cloud (Azure Stack or a partner cloud such as Bleu; not established)"
      eu_legal_control = "unknown"
      note             = "Declare the cloud, its operator and its regions in .sovlint.hcl to have it checked"
      source           = ["tf_azurerm_environment", "clubic_bleu_j0"]
      as_of            = "2026-11-23"
      verified         = "secondary"
    }

    # Bleu is the partner cloud French public bodies ask about; it is listed
    # here for reference, since nothing ties a metadata_host to it.
    offer "bleu" {
      name        = "Cloud de Confiance Bleu (Orange + Capgemini, Microsoft technology)"
      status      = "in_progress"
      listed_only = true
      note        = "J0 2025-04-17; J1 announced by Bleu on 2025-11-17 (its press release is not linked here); its target of H1 2026 was missed: not in the ANSSI catalogue as of 15/09/2026, still on ANSSI's list of services under qualification. Its ARM endpoint and region names are not public"
      source      = ["anssi_catalogue", "anssi_snc_list_page", "clubic_bleu_j0", "arvato_delos_bleu_2025"]
      as_of       = "2026-09-26"
      verified    = "secondary"
    }

    # Delos Cloud is Germany's counterpart of Bleu: listed for reference,
    # since nothing public ties a metadata_host to it either.
    offer "delos" {
      name        = "Delos Cloud (SAP subsidiary, Microsoft Azure technology, German data centres run by Arvato Systems)"
      status      = "not_qualified"
      listed_only = true
      note        = "Built for the German public sector (BSI requirements), not a SecNumCloud candidate: absent from the ANSSI catalogue and its list of services under qualification. Operator Delos Cloud GmbH, a German subsidiary of SAP SE"
      source      = ["anssi_catalogue", "heise_delos_2022", "heise_delos_2024", "arvato_delos_bleu_2025"]
      as_of       = "2026-11-26"
      verified    = "secondary"
    }

    secnumcloud {
      status   = "unknown"
      source   = ["anssi_catalogue"]
      as_of    = "2026-09-13"
      verified = "secondary"
    }
  }

  variant "china" {
    name = "Azure operated in China (environment = \"china\")"
    when {
      attribute = "environment"
      equals    = ["china"]
    }

    operator {
      name             = "21Vianet (Shanghai Blue Cloud Technology Co., Ltd.), Microsoft's operator in China"
      country          = "CN"
      eu_legal_control = "no"
      laws             = ["the laws of the People's Republic of China"]
      source           = ["ms_azure_sovereign_clouds"]
      as_of            = "2026-11-23"
      verified         = "unverified"
    }

    secnumcloud {
      status   = "not_qualified"
      source   = ["anssi_catalogue"]
      as_of    = "2026-09-26"
      verified = "secondary"
    }

    regions {
      source   = ["ms_azure_sovereign_clouds"]
      as_of    = "2026-11-23"
      verified = "unverified"
      region "chinaeast" { country = "CN" }
      region "chinaeast2" { country = "CN" }
      region "chinaeast3" { country = "CN" }
      region "chinanorth" { country = "CN" }
      region "chinanorth2" { country = "CN" }
      region "chinanorth3" { country = "CN" }
    }
  }

  variant "usgovernment" {
    name = "Azure Government (environment = \"usgovernment\")"
    when {
      attribute = "environment"
      equals    = ["usgovernment"]
    }

    operator {
      name             = "Microsoft Corporation (Azure Government)"
      country          = "US"
      parent_country   = "US"
      eu_legal_control = "no"
      laws             = ["the US CLOUD Act", "FISA section 702"]
      source           = ["ms_azure_sovereign_clouds"]
      as_of            = "2026-11-23"
      verified         = "secondary"
    }

    secnumcloud {
      status   = "not_qualified"
      source   = ["anssi_catalogue"]
      as_of    = "2026-09-26"
      verified = "secondary"
    }

    regions {
      source   = ["ms_azure_sovereign_clouds"]
      as_of    = "2026-11-23"
      verified = "unverified"
      region "usgovvirginia" { country = "US" }
      region "usgovtexas" { country = "US" }
      region "usgovarizona" { country = "US" }
      region "usdodeast" { country = "US" }
      region "usdodcentral" { country = "US" }
    }
  }

  variant "other-environment" {
    name = "Azure environment unknown to the catalog"
    when {
      attribute = "environment"
      not_in    = ["public", "china", "usgovernment"]
    }

    operator {
      name             = "Operator of a non-public Azure environment (not established)"
      eu_legal_control = "unknown"
      note             = "\"german\" (Microsoft Cloud Deutschland) closed in 2021; declare any other environment in .sovlint.hcl"
      source           = ["tf_azurerm_environment"]
      as_of            = "2026-11-23"
      verified         = "secondary"
    }

    secnumcloud {
      status   = "unknown"
      source   = ["tf_azurerm_environment"]
      as_of    = "2026-11-23"
      verified = "secondary"
    }
  }
}

# Entra ID (Azure AD) holds identities, not workloads: one tenant serves
# every region, so none of its resources has a location to check.
provider "azuread" {
  name     = "Microsoft Entra ID (Azure Active Directory)"
  registry = ["hashicorp/azuread"]

  operator {
    name             = "Microsoft Corporation"
    country          = "US"
    parent_country   = "US"
    eu_legal_control = "no"
    laws             = ["the US CLOUD Act", "FISA section 702"]
    source           = ["sec_microsoft", "us_cloud_act"]
    as_of            = "2026-11-26"
    verified         = "secondary"
  }

  secnumcloud {
    status   = "not_qualified"
    source   = ["anssi_catalogue"]
    as_of    = "2026-09-26"
    verified = "secondary"
  }

  global_service "Microsoft Entra ID" {
    resource_types = ["azuread_*"]
    note           = "A global identity plane operated by Microsoft; it has no region argument"
    source         = ["tf_azuread_index"]
    as_of          = "2026-09"
    verified       = "secondary"
  }
}
