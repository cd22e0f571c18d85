# STACKIT (Schwarz Group) through stackitcloud/stackit. Resources without a
# region take the provider's default_region.

source "tf_stackit_index" {
  title  = "stackitcloud/terraform-provider-stackit provider documentation (default_region; region and availability_zone on resources)"
  repo   = "stackitcloud/terraform-provider-stackit"
  path   = "docs/index.md"
  commit = "49f5457d374b558f2a84cf175d9cbb187e5d9b73"
  date   = "2026-08-21"
}

source "stackit_cli_997" {
  title = "stackitcloud/stackit-cli issue #997: region eu02 with zones eu02-m, eu02-1..3"
  url   = "https://github.com/stackitcloud/stackit-cli/issues/997"
  date  = "2025"
}

source "techzine_stackit" {
  title = "Techzine: Lidl owner builds a 200 MW German data centre (STACKIT's other sites are in south-west Germany and Austria)"
  url   = "https://www.techzine.nl/nieuws/infrastructure/559302/lidl-eigenaar-bouwt-duits-datacenter-van-200mw/"
  date  = "2025-01"
}

provider "stackit" {
  name     = "STACKIT"
  registry = ["stackitcloud/stackit"]

  location {
    resource_attributes = ["region", "availability_zone", "availability_zones"]
    provider_attributes = ["default_region", "region"]
    zone_patterns       = ["^(eu\\d{2})-(?:\\d|m)$"]
  }

  tags {
    resource_attributes = ["labels"]
  }

  operator {
    name             = "STACKIT GmbH & Co. KG"
    country          = "DE"
    parent           = "Schwarz Group (Schwarz Digits)"
    parent_country   = "DE"
    eu_legal_control = "yes"
    source           = ["techzine_stackit"]
    as_of            = "2026-09"
    verified         = "secondary"
  }

  secnumcloud {
    status   = "not_qualified"
    note     = "Not in the ANSSI catalogue as relayed; STACKIT relies on BSI C5, an attestation that says nothing about legal control"
    source   = ["anssi_catalogue"]
    as_of    = "2026-09-26"
    verified = "secondary"
  }

  regions {
    source   = ["tf_stackit_index", "techzine_stackit"]
    as_of    = "2026-08-21"
    verified = "secondary"

    region "eu01" {
      name    = "Germany (Neckarsulm / Ellhofen)"
      country = "DE"
      zones   = ["eu01-1", "eu01-2", "eu01-3", "eu01-m"]
    }
  }

  regions {
    source   = ["stackit_cli_997", "techzine_stackit"]
    as_of    = "2026-09"
    verified = "unverified"

    region "eu02" {
      name      = "Germany or Austria (country not established)"
      countries = ["DE", "AT"]
      zones     = ["eu02-1", "eu02-2", "eu02-3", "eu02-m"]
      note      = "STACKIT's sites are in south-west Germany and Austria; which one eu02 is was not found. Both are EU member states"
    }
  }
}
