# Orange Business: Flexible Engine (a public cloud on Huawei technology,
# region eu-west-0 in Paris, closing since 2024) and Cloud Avenue (VMware Cloud Director, no
# region argument). Cloud Avenue's "SecNum" offer is qualified, but nothing
# in the provider configuration tells a SecNum organisation from another.

source "tf_fe_index" {
  title  = "FlexibleEngineCloud/terraform-provider-flexibleengine provider documentation (region eu-west-0; auth_url https://iam.{region}.prod-cloud-ocb.orange-business.com/v3)"
  repo   = "FlexibleEngineCloud/terraform-provider-flexibleengine"
  path   = "docs/index.md"
  commit = "daeea5203b02b7885cf83cfdc7f597802ea453fb"
  date   = "2024-03-20"
}

source "tf_cloudavenue_index" {
  title  = "orange-cloudavenue/terraform-provider-cloudavenue provider and vdc documentation (org, url, core_api; no region)"
  repo   = "orange-cloudavenue/terraform-provider-cloudavenue"
  path   = "docs/index.md"
  commit = "ce1b3da5bfab4a2fef1aed4c7526b62cc6693675"
  date   = "2026-08-19"
}

source "fe_closing_01net" {
  title = "01net: clap de fin pour Flexible Engine, l'offre de cloud de Huawei et d'Orange (no new contracts; closure plan of about 24 months)"
  url   = "https://01net.com/actualites/clap-de-fin-pour-flexible-engine-loffre-de-cloud-de-huawei-et-dorange.html"
  date  = "2024-09-02"
}

source "fe_closing_linforme" {
  title = "L'Informé: cloud, Orange et Huawei mettent fin à leur offre commune"
  url   = "https://www.linforme.com/tech-telecom/article/cloud-orange-et-huawei-mettent-fin-a-leur-offre-commune_1990.html"
  date  = "2024-09-02"
}

provider "flexibleengine" {
  name     = "Orange Business Flexible Engine"
  registry = ["FlexibleEngineCloud/flexibleengine"]

  location {
    resource_attributes = ["region", "availability_zone"]
    provider_attributes = ["region", "auth_url"]
    value_patterns = {
      "auth_url" = "^(?:https?://)?iam\\.([a-z0-9-]+)\\.prod-cloud-ocb\\.orange-business\\.com"
    }
    zone_patterns = ["^([a-z]{2}-[a-z]+-\\d+)[a-z]$"]
    env           = ["OS_REGION_NAME", "OS_AUTH_URL"]
  }

  tags {
    resource_attributes = ["tags"]
  }

  operator {
    name             = "Orange Business (Orange SA)"
    country          = "FR"
    parent           = "Orange SA"
    parent_country   = "FR"
    eu_legal_control = "yes"
    note             = "Orange Business's control is EU control: ANSSI qualified its Cloud Avenue SecNum (decision 1147), which SecNumCloud 3.2 §19.6 allows only to an EU-controlled provider. Flexible Engine runs Huawei technology and is closing: no new contracts since 2024 and a closure plan of about 24 months (the provider repository has been frozen since 2024-03)"
    source           = ["anssi_1147", "snc_ref_32", "fe_closing_01net", "fe_closing_linforme"]
    as_of            = "2026-11-26"
    verified         = "secondary"
  }

  secnumcloud {
    status   = "not_qualified"
    note     = "Not in the ANSSI catalogue as relayed (Orange's qualified offer is Cloud Avenue SecNum)"
    source   = ["anssi_catalogue"]
    as_of    = "2026-09-26"
    verified = "secondary"
  }

  regions {
    source   = ["tf_fe_index"]
    as_of    = "2024-03-20"
    verified = "primary"

    region "eu-west-0" {
      name    = "Paris (service closing)"
      country = "FR"
      zones   = ["eu-west-0a", "eu-west-0b", "eu-west-0c"]
    }
  }
}

provider "cloudavenue" {
  name     = "Orange Business Cloud Avenue"
  registry = ["orange-cloudavenue/cloudavenue"]

  location {
    env = ["CLOUDAVENUE_URL", "CLOUDAVENUE_ORG"]
  }

  operator {
    name             = "Orange Business (Orange SA)"
    country          = "FR"
    parent           = "Orange SA"
    parent_country   = "FR"
    eu_legal_control = "yes"
    note             = "ANSSI qualified Cloud Avenue SecNum (decision 1147), which SecNumCloud 3.2 §19.6 allows only to a provider with its registered office in the EU and no non-EU control"
    source           = ["anssi_1147", "snc_ref_32", "tf_cloudavenue_index"]
    as_of            = "2026-11-26"
    verified         = "secondary"
  }

  offer "cloud-avenue-secnum" {
    name           = "Cloud Avenue SecNum"
    status         = "qualified"
    listed_only    = true
    qualified_from = "2025-07-11"
    valid_until    = "2028-07-11"
    decision       = "1147"
    note           = "Read through public transcriptions of the ANSSI catalogue of 15/09/2026 (hence secondary). The configuration does not say whether an organisation is on the SecNum offer: declare it in .sovlint.hcl if yours is"
    source         = ["anssi_1147"]
    as_of          = "2026-09-26"
    verified       = "secondary"
  }

  secnumcloud {
    status   = "unknown"
    note     = "Cloud Avenue exists with and without the qualified SecNum offer"
    source   = ["anssi_catalogue", "tf_cloudavenue_index"]
    as_of    = "2026-09-26"
    verified = "secondary"
  }

  default_region = "fr"

  # No public document found ties Cloud Avenue to a country: the location
  # stays unverified, so EU residency is not established either.
  regions {
    source   = ["tf_cloudavenue_index"]
    as_of    = "2026-09"
    verified = "unverified"

    region "fr" {
      name    = "France (Orange Business data centres)"
      country = "FR"
    }
  }
}
