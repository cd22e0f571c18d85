# OVHcloud through ovh/ovh. The provider's `endpoint` names the contracting
# entity: ovh-eu (OVH SAS, France), ovh-ca (the Canadian subsidiary, same
# regions), ovh-us (OVH US LLC, a US company with US regions only).
#
# Public Cloud regions are written as data centre codes with a number
# (GRA11, SBG5, DE1, UK1, WAW1, BHS5) or as 3-AZ region names (EU-WEST-PAR,
# with zones eu-west-par-a/b/c); zone patterns map both to one region per
# site. Public Cloud is not SecNumCloud-qualified. OVHcloud's qualified
# offers (Hosted Private Cloud VMware, Bare Metal Pod, SNC Cloud Platform)
# are separate environments that no ovh_* resource identifies: they are
# listed for reference and users who run on them declare it in .sovlint.hcl.

source "tf_ovh_docs" {
  title  = "ovh/terraform-provider-ovh documentation (endpoint ovh-eu/ovh-ca/ovh-us, OVH_ENDPOINT; region codes)"
  repo   = "ovh/terraform-provider-ovh"
  path   = "docs/"
  commit = "a1ae5bcee34bfe693ffc152f057b26cdf9160f46"
  date   = "2026-08-21"
}

source "sccrawler_ovh" {
  title  = "SpareCores sc-crawler OVHcloud data centre → country table"
  repo   = "SpareCores/sc-crawler"
  path   = "src/sc_crawler/vendors/_ovh.py"
  commit = "4bcc0b18071228470757043ea20b823be2fca0bd"
  date   = "2026-07-24"
}

source "csf_ovh" {
  title = "Cloud sovereignty provider card: OVHcloud (OVH Groupe SA, Roubaix; Klaba family control)"
  url   = "https://csf.hop3.abilian.com/providers/ovhcloud.html"
  date  = "2026"
}

source "ovh_us_llc" {
  title = "OVHcloud US service descriptions: OVH US LLC, a Delaware LLC and subsidiary of the OVH Group"
  url   = "https://us.ovhcloud.com/legal/service-descriptions"
  date  = "2018-04-06"
}

source "ovh_hpc_snc_rev" {
  title = "OVHcloud docs: reversibility policy of Managed Dedicated Cloud - SecNumCloud (VMware on OVHcloud under SecNumCloud qualification)"
  url   = "https://docs.ovhcloud.com/en/guides/account-and-service-management/reversibility/05-snc-vmware-reversibility-policy"
  date  = "2025"
}

source "ovh_pod_snc" {
  title = "OVHcloud docs: reversibility policy of Dedicated PoD-SecNumCloud (Bare Metal Pod, 1 to 3 data centres in France)"
  url   = "https://docs.ovhcloud.com/de/guides/account-and-service-management/reversibility/24-bm-pod-snc-reversbility"
  date  = "2025-08-06"
}

provider "ovh" {
  name     = "OVHcloud"
  registry = ["ovh/ovh"]

  location {
    # `zone` is a DNS zone name in the ovh provider, never a location.
    # regions: a private network spans every region of its list.
    resource_attributes = ["region", "region_name", "regions", "nodes.region"]
    zone_patterns = [
      "^([a-z]+)\\d+$",                              # GRA11 → gra
      "^([a-z]+)-[a-z]$",                            # RBX-A → rbx
      "^([a-z]{2}-[a-z]+-[a-z]+)-(?:[a-z]|\\d+)$", # eu-west-par-a → eu-west-par
    ]
    env = ["OVH_ENDPOINT"]
  }

  tags {
    # A map on the resources that take tags (ovh_cloud_project_storage…).
    resource_attributes = ["tags"]
  }

  operator {
    name             = "OVH SAS"
    country          = "FR"
    parent           = "OVH Groupe SA (Klaba family majority)"
    parent_country   = "FR"
    eu_legal_control = "yes"
    source           = ["csf_ovh", "research_sovereignty"]
    as_of            = "2026-09"
    verified         = "secondary"
  }

  offer "public-cloud" {
    name           = "OVHcloud Public Cloud"
    status         = "not_qualified"
    resource_types = ["ovh_cloud_project*"]
    note           = "Public Cloud regions, including the 3-AZ EU-WEST-PAR, are not in the ANSSI catalogue"
    source         = ["anssi_relay_r2", "research_sovereignty"]
    as_of          = "2026-09-26"
    verified       = "secondary"
  }

  offer "hpc-vmware-snc" {
    name           = "Hosted Private Cloud powered by VMware - SecNumCloud (Managed Dedicated Cloud - SecNumCloud)"
    status         = "qualified"
    listed_only    = true
    qualified_from = "2023-12-28"
    valid_until    = "2026-12-29"
    decision       = "2279"
    note           = "A renewal of an earlier qualification; French data centres (sites not confirmed). No renewal past 2026-12-29 found as of 2026-11-23"
    source         = ["anssi_relay_r1", "anssi_relay_r2", "ovh_hpc_snc_rev"]
    as_of          = "2026-11-23"
    verified       = "secondary"
  }

  offer "bare-metal-pod-snc" {
    name           = "Bare Metal Pod - SecNumCloud (Dedicated PoD-SecNumCloud)"
    status         = "qualified"
    listed_only    = true
    qualified_from = "2025-03-24"
    valid_until    = "2028-03-24"
    decision       = "559"
    note           = "1 to 3 data centres in France"
    source         = ["anssi_relay_r1", "anssi_relay_r2", "ovh_pod_snc"]
    as_of          = "2026-09-26"
    verified       = "secondary"
  }

  offer "snc-cloud-platform" {
    name           = "SNC Cloud Platform (OpenStack-based IaaS)"
    status         = "qualified"
    listed_only    = true
    qualified_from = "2026-07-31"
    valid_until    = "2029-07-31"
    decision       = "3393"
    note           = "France; its region code was not found, so no Public Cloud region is taken to be it"
    source         = ["anssi_relay_r1", "anssi_relay_r2"]
    as_of          = "2026-09-26"
    verified       = "secondary"
  }

  secnumcloud {
    status   = "unknown"
    note     = "Services outside Public Cloud (dedicated servers, Hosted Private Cloud…) may or may not be in a qualified environment: the configuration does not say. Declare the qualified offer you use in .sovlint.hcl"
    source   = ["anssi_relay_r1", "research_sovereignty"]
    as_of    = "2026-09-26"
    verified = "secondary"
  }

  global_service "OVHcloud account-wide resources (domains and DNS, IAM, account, vRack, the Public Cloud project itself)" {
    resource_types = ["ovh_domain_*", "ovh_me*", "ovh_iam_*", "ovh_vrack*", "ovh_cloud_project", "ovh_cloud_project_user*"]
    source         = ["tf_ovh_docs"]
    as_of          = "2026-09"
    verified       = "unverified"
  }

  regions {
    source   = ["tf_ovh_docs", "sccrawler_ovh"]
    as_of    = "2026-08-21"
    verified = "secondary"

    region "gra" {
      name    = "Gravelines (GRA, GRA1…GRA11)"
      country = "FR"
    }
    region "sbg" {
      name    = "Strasbourg (SBG, SBG1…SBG7)"
      country = "FR"
    }
    region "rbx" {
      name    = "Roubaix (RBX, RBX-A)"
      country = "FR"
    }
    region "eu-west-par" {
      name    = "Paris 3-AZ"
      country = "FR"
      zones   = ["eu-west-par-a", "eu-west-par-b", "eu-west-par-c"]
    }
    region "eu-west-gra" { country = "FR" }
    region "eu-west-rbx" { country = "FR" }
    region "eu-west-sbg" { country = "FR" }
    region "de" {
      name    = "Frankfurt / Limburg (DE, DE1)"
      country = "DE"
    }
    region "eu-west-lim" {
      name    = "Limburg"
      country = "DE"
    }
    region "uk" {
      name    = "London (UK, UK1)"
      country = "GB"
    }
    region "waw" {
      name    = "Warsaw (WAW, WAW1)"
      country = "PL"
    }
    region "eu-south-mil" {
      name    = "Milan 3-AZ"
      country = "IT"
      zones   = ["eu-south-mil-a", "eu-south-mil-b", "eu-south-mil-c"]
    }
    region "bhs" {
      name    = "Beauharnois (BHS, BHS5)"
      country = "CA"
    }
    region "ca-east-bhs" { country = "CA" }
    region "ca-east-tor" {
      name    = "Toronto"
      country = "CA"
    }
    region "sgp" {
      name    = "Singapore (SGP, SGP1)"
      country = "SG"
    }
    region "syd" {
      name    = "Sydney (SYD, SYD1)"
      country = "AU"
    }
    region "ap-south-mum" {
      name    = "Mumbai"
      country = "IN"
    }
  }

  variant "ovh-us" {
    name = "OVHcloud US (endpoint ovh-us)"
    when {
      attribute      = "endpoint"
      equals         = ["ovh-us"]
      region_pattern = "^us-"
    }

    operator {
      name             = "OVH US LLC"
      country          = "US"
      parent           = "OVH Groupe SA"
      parent_country   = "FR"
      eu_legal_control = "no"
      laws             = ["US law, including the CLOUD Act, as a US company"]
      source           = ["ovh_us_llc", "tf_ovh_docs"]
      as_of            = "2026-08-21"
      verified         = "primary"
    }

    secnumcloud {
      status   = "not_qualified"
      source   = ["anssi_relay_r2"]
      as_of    = "2026-09-26"
      verified = "secondary"
    }

    regions {
      source   = ["sccrawler_ovh", "research_sovereignty"]
      as_of    = "2026-07-24"
      verified = "secondary"

      region "us-east-va" {
        name    = "Vint Hill, Virginia (US-EAST-VA-1)"
        country = "US"
      }
      region "us-west-or" {
        name    = "Hillsboro, Oregon (US-WEST-OR-1)"
        country = "US"
      }
    }
  }

  variant "ovh-ca" {
    name            = "OVHcloud Canada (endpoint ovh-ca)"
    inherit_regions = true
    when {
      attribute = "endpoint"
      equals    = ["ovh-ca"]
    }

    operator {
      name             = "OVHcloud's Canadian subsidiary (entity not established)"
      country          = "CA"
      parent           = "OVH Groupe SA"
      parent_country   = "FR"
      eu_legal_control = "unknown"
      note             = "Accounts opened through ovh-ca contract with a Canadian company; whether that entity or OVH SAS operates the European regions was not found"
      source           = ["tf_ovh_docs", "research_sovereignty"]
      as_of            = "2026-08-21"
      verified         = "unverified"
    }

    offer "public-cloud" {
      name           = "OVHcloud Public Cloud"
      status         = "not_qualified"
      resource_types = ["ovh_cloud_project*"]
      source         = ["anssi_relay_r2"]
      as_of          = "2026-09-26"
      verified       = "secondary"
    }

    secnumcloud {
      status   = "unknown"
      source   = ["anssi_relay_r1"]
      as_of    = "2026-09-26"
      verified = "secondary"
    }
  }
}
