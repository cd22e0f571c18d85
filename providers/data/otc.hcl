# Open Telekom Cloud (T-Systems, Deutsche Telekom) through
# opentelekomcloud/opentelekomcloud. The region comes from the provider's
# region or from the IAM host in auth_url; the Swiss region eu-ch2 is run
# from Switzerland.

source "otc_regions_doc" {
  title = "Open Telekom Cloud, Regions and Endpoints (eu-de, eu-nl, eu-ch2 with *.eu-ch2.sc.otc.t-systems.com)"
  url   = "https://raw.githubusercontent.com/opentelekomcloud-docs/regions-and-endpoints/main/doc/source/index.rst"
  date  = "2026"
}

source "tf_otc_index" {
  title  = "opentelekomcloud/terraform-provider-opentelekomcloud provider documentation (auth_url, region, cloud; OS_* variables)"
  repo   = "opentelekomcloud/terraform-provider-opentelekomcloud"
  path   = "docs/index.md"
  commit = "88f1cf1e0a9d85b2d9cb94c6722e16358ac3a983"
  date   = "2024-10-24"
}

source "telekom_ar2024_shareholders" {
  title = "Deutsche Telekom annual report 2024, note 19: Federal Republic of Germany 13.8%, KfW 14.0%, free float 72.2% (of which BlackRock and SoftBank under 5% each)"
  url   = "https://report.telekom.com/annual-report-2024/notes/notes-to-the-statement-of-financial-position/19-shareholders-equity.html"
  date  = "2025-02"
}

provider "opentelekomcloud" {
  name     = "Open Telekom Cloud"
  registry = ["opentelekomcloud/opentelekomcloud"]

  location {
    resource_attributes = ["region", "availability_zone", "availability_zones"]
    # A load balancer's pools and listeners, a pool's members.
    parent_attributes   = ["loadbalancer_id", "listener_id", "pool_id"]
    provider_attributes = ["region", "auth_url"]
    value_patterns = {
      "auth_url" = "^(?:https?://)?iam(?:-pub)?\\.([a-z0-9-]+)\\.(?:sc\\.)?otc\\.t-systems\\.com"
    }
    zone_patterns = ["^(eu-[a-z]{2}\\d?)-\\d{2}$"]
    env           = ["OS_REGION_NAME", "OS_AUTH_URL", "OS_CLOUD (clouds.yaml)"]
  }

  tags {
    resource_attributes = ["tags"]
  }

  operator {
    name             = "T-Systems International GmbH"
    country          = "DE"
    parent           = "Deutsche Telekom AG"
    parent_country   = "DE"
    eu_legal_control = "yes"
    note             = "Runs Huawei technology (FusionSphere). The German state (directly and through KfW) is Deutsche Telekom's largest shareholder, with 27.8%"
    source           = ["otc_regions_doc", "telekom_ar2024_shareholders"]
    as_of            = "2026-11-26"
    verified         = "secondary"
  }

  secnumcloud {
    status   = "not_qualified"
    source   = ["anssi_catalogue"]
    as_of    = "2026-09-26"
    verified = "secondary"
  }

  regions {
    source   = ["otc_regions_doc", "tf_otc_index"]
    as_of    = "2026-09"
    verified = "primary"

    region "eu-de" {
      name    = "Germany (Magdeburg / Biere)"
      country = "DE"
      zones   = ["eu-de-01", "eu-de-02", "eu-de-03"]
    }
    region "eu-nl" {
      name    = "Netherlands (Amsterdam)"
      country = "NL"
      zones   = ["eu-nl-01", "eu-nl-02", "eu-nl-03"]
    }
  }

  variant "swiss" {
    name = "Open Telekom Cloud Switzerland (eu-ch2)"
    when {
      region_pattern = "^eu-ch"
    }

    operator {
      name             = "T-Systems Schweiz AG"
      country          = "CH"
      parent           = "Deutsche Telekom AG"
      parent_country   = "DE"
      eu_legal_control = "no"
      laws             = ["Swiss law"]
      note             = "A Swiss company of an EU group; the operating entity's name was not re-checked"
      source           = ["otc_regions_doc"]
      as_of            = "2026-09"
      verified         = "unverified"
    }

    secnumcloud {
      status   = "not_qualified"
      source   = ["anssi_catalogue"]
      as_of    = "2026-09-26"
      verified = "secondary"
    }

    regions {
      source   = ["otc_regions_doc"]
      as_of    = "2026-09"
      verified = "primary"

      region "eu-ch2" {
        name    = "Switzerland"
        country = "CH"
      }
    }
  }
}
