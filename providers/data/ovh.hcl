# OVHcloud through ovh/ovh. The provider's `endpoint` names the contracting
# entity: ovh-eu (OVH SAS, France), ovh-ca (the Canadian subsidiary, same
# regions), ovh-us (OVH US LLC, a US company with US regions only).
#
# Public Cloud regions are written as data centre codes with a number
# (GRA11, SBG5, DE1, UK1, WAW1, BHS5) or as 3-AZ region names (EU-WEST-PAR,
# with zones eu-west-par-a/b/c); zone patterns map both to one region per
# site. Public Cloud is not SecNumCloud-qualified. SNC Cloud Platform, the
# qualified OpenStack IaaS, has regions of its own (eu-west-rbx-snc,
# eu-west-sbg-snc) by which its resources are recognised. The other
# qualified offers (Hosted Private Cloud VMware, Bare Metal Pod) are
# separate environments that no ovh_* resource identifies: they are listed
# for reference and users who run on them declare it in .sovlint.hcl.

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

source "ovh_docs_snc_cloud_platform" {
  title = "ovh/docs guides 'Comment sauvegarder une instance SNC Cloud Platform' (updated 2025-12-29) and 'Comment sauvegarder un bucket de stockage objet SNC Cloud Platform' (updated 2026-01-23): regions eu-west-rbx-snc and eu-west-sbg-snc, endpoints under cloud.snc.ovh.net"
  url   = "https://github.com/ovh/docs"
  date  = "2026-01-23"
}

source "ovh_docs_regions" {
  title = "ovh/docs guide, section 'Régions disponibles': eu-central-waw (Warsaw), eu-west-eri (Erith, London), ap-southeast-sgp (Singapore), ap-southeast-syd (Sydney)"
  url   = "https://github.com/ovh/docs"
  date  = "2026"
}

source "ovh_api_region_codenames" {
  title = "OVHcloud API v1, /ip schema: coreTypes.RegionCodenameEnum (every region and Local Zone code name, e.g. eu-west-lz-bru)"
  url   = "https://eu.api.ovh.com/1.0/ip.json"
  date  = "2026-05-17"
  note  = "Read through a public rendering of the schema generated on 2026-05-17; the Local Zones' cities are in their code names"
}

source "ovh_private_cloud_roadmap_132" {
  title = "ovh/private-cloud-roadmap issue #132: of the SecNumCloud zones for VMware on OVHcloud, 'currently only SBG and RBX exist'"
  url   = "https://github.com/ovh/private-cloud-roadmap/issues/132"
  date  = "2023-09-26"
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
    note             = "ANSSI qualifies OVH offers (decisions 559, 2279, 3393), which SecNumCloud 3.2 §19.6 allows only to an EU-controlled provider"
    source           = ["csf_ovh", "anssi_559", "snc_ref_32"]
    as_of            = "2026-09"
    verified         = "secondary"
  }

  # Offers are tried in order: the SNC regions before Public Cloud.
  offer "snc-cloud-platform" {
    name           = "SNC Cloud Platform (OpenStack-based IaaS)"
    status         = "qualified"
    regions        = ["eu-west-rbx-snc", "eu-west-sbg-snc"]
    resource_types = [
      "ovh_cloud_project_instance*", "ovh_cloud_project_volume*", "ovh_cloud_project_storage*",
      "ovh_cloud_project_region_storage*", "ovh_cloud_project_network_private*", "ovh_cloud_project_gateway*",
      "ovh_cloud_project_floatingip*", "ovh_cloud_project_ssh_key*",
    ]
    qualified_from = "2026-07-31"
    valid_until    = "2029-07-31"
    decision       = "3393"
    note           = "Decision and dates read through public transcriptions of the ANSSI catalogue of 15/09/2026 (hence secondary); compute, block, object storage and network. Its regions are the -snc ones of OVHcloud's guides for the product"
    source         = ["anssi_3393", "ovh_docs_snc_cloud_platform"]
    as_of          = "2026-11-26"
    verified       = "secondary"
  }

  offer "snc-cloud-platform-other" {
    name           = "Other services in the SNC Cloud Platform regions"
    status         = "unknown"
    regions        = ["eu-west-rbx-snc", "eu-west-sbg-snc"]
    resource_types = ["ovh_cloud_project*"]
    note           = "The qualification covers compute, block and object storage and network; whether other services (managed Kubernetes, databases…) of these regions are in its perimeter was not found"
    source         = ["anssi_3393", "ovh_docs_snc_cloud_platform"]
    as_of          = "2026-11-26"
    verified       = "secondary"
  }

  offer "public-cloud" {
    name           = "OVHcloud Public Cloud"
    status         = "not_qualified"
    resource_types = ["ovh_cloud_project*"]
    note           = "Public Cloud regions, including the 3-AZ EU-WEST-PAR and the Local Zones, are not in the ANSSI catalogue"
    source         = ["anssi_catalogue"]
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
    note           = "A renewal of an earlier qualification, read through public transcriptions of the ANSSI catalogue of 15/09/2026 (hence secondary). Sites: Roubaix (RBX) and Strasbourg (SBG). No public renewal past 2026-12-29 found as of 2026-11-26: from 2026-12-30 the qualification counts as lapsed until a renewal is declared"
    source         = ["anssi_2279", "ovh_hpc_snc_rev", "ovh_private_cloud_roadmap_132"]
    as_of          = "2026-11-26"
    verified       = "secondary"
  }

  offer "bare-metal-pod-snc" {
    name           = "Bare Metal Pod - SecNumCloud (Dedicated PoD-SecNumCloud)"
    status         = "qualified"
    listed_only    = true
    qualified_from = "2025-03-24"
    valid_until    = "2028-03-24"
    decision       = "559"
    note           = "1 to 3 data centres in France; read through public transcriptions of the ANSSI catalogue of 15/09/2026 (hence secondary)"
    source         = ["anssi_559", "ovh_pod_snc"]
    as_of          = "2026-09-26"
    verified       = "secondary"
  }

  secnumcloud {
    status   = "unknown"
    note     = "Services outside Public Cloud (dedicated servers, Hosted Private Cloud…) may or may not be in a qualified environment: the configuration does not say. Declare the qualified offer you use in .sovlint.hcl"
    source   = ["anssi_catalogue"]
    as_of    = "2026-09-26"
    verified = "secondary"
  }

  global_service "OVHcloud account-wide resources (domains and DNS, IAM, account, vRack, the Public Cloud project itself)" {
    resource_types = ["ovh_domain_*", "ovh_me*", "ovh_iam_*", "ovh_vrack*", "ovh_cloud_project", "ovh_cloud_project_user*"]
    source         = ["tf_ovh_docs"]
    as_of          = "2026-09"
    verified       = "unverified"
  }

  # What schemes other than SecNumCloud say of the offering (SOV007).
  certification "eu-csf-card" {
    scheme         = "eu-csf"
    level          = "SEAL-3"
    status         = "unknown"
    scheme_version = "1.2.1"
    issuer         = "csf.hop3.abilian.com (third-party scoring, not the Commission)"
    note           = "A third-party card scores the provider SEAL-3 overall (its lowest objective). No tender's assessment is public: whether a SEAL is held is not established"
    source         = ["csf_ovh"]
    as_of          = "2026-11-26"
    verified       = "secondary"
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

  regions {
    source   = ["ovh_docs_regions"]
    as_of    = "2026-11-26"
    verified = "primary"

    region "eu-central-waw" {
      name    = "Warsaw"
      country = "PL"
    }
    region "eu-west-eri" {
      name    = "Erith (London)"
      country = "GB"
    }
    region "ap-southeast-sgp" {
      name    = "Singapore"
      country = "SG"
    }
    region "ap-southeast-syd" {
      name    = "Sydney"
      country = "AU"
    }
  }

  # The regions of SNC Cloud Platform, the SecNumCloud-qualified IaaS.
  regions {
    source   = ["ovh_docs_snc_cloud_platform"]
    as_of    = "2026-11-26"
    verified = "primary"

    region "eu-west-rbx-snc" {
      name    = "Roubaix, SNC Cloud Platform"
      country = "FR"
    }
    region "eu-west-sbg-snc" {
      name    = "Strasbourg, SNC Cloud Platform"
      country = "FR"
    }
  }

  # Public Cloud Local Zones outside the US (those in the US are left out:
  # which OVHcloud entity sells them was not established). The country is
  # the city the code name gives; a zone is the code with "-a".
  regions {
    source   = ["ovh_api_region_codenames"]
    as_of    = "2026-11-26"
    verified = "secondary"

    region "eu-west-lz-ams" {
      name    = "Local Zone Amsterdam"
      country = "NL"
      zones   = ["eu-west-lz-ams-a"]
    }
    region "eu-west-lz-bru" {
      name    = "Local Zone Brussels"
      country = "BE"
      zones   = ["eu-west-lz-bru-a"]
    }
    region "eu-west-lz-dln" {
      name    = "Local Zone Dublin"
      country = "IE"
      zones   = ["eu-west-lz-dln-a"]
    }
    region "eu-west-lz-lux" {
      name    = "Local Zone Luxembourg"
      country = "LU"
      zones   = ["eu-west-lz-lux-a"]
    }
    region "eu-west-lz-mrs" {
      name    = "Local Zone Marseille"
      country = "FR"
      zones   = ["eu-west-lz-mrs-a"]
    }
    region "eu-west-lz-vie" {
      name    = "Local Zone Vienna"
      country = "AT"
      zones   = ["eu-west-lz-vie-a"]
    }
    region "eu-west-lz-mnc" {
      name    = "Local Zone Manchester"
      country = "GB"
      zones   = ["eu-west-lz-mnc-a"]
    }
    region "eu-west-lz-zrh" {
      name    = "Local Zone Zurich"
      country = "CH"
      zones   = ["eu-west-lz-zrh-a"]
    }
    region "eu-central-lz-prg" {
      name    = "Local Zone Prague"
      country = "CZ"
      zones   = ["eu-central-lz-prg-a", "eu-east-lz-prg", "eu-east-lz-prg-a"]
    }
    region "eu-central-lz-buh" {
      name    = "Local Zone Bucharest"
      country = "RO"
      zones   = ["eu-central-lz-buh-a"]
    }
    region "eu-central-lz-sof" {
      name    = "Local Zone Sofia"
      country = "BG"
      zones   = ["eu-central-lz-sof-a"]
    }
    region "eu-north-lz-cph" {
      name    = "Local Zone Copenhagen"
      country = "DK"
      zones   = ["eu-north-lz-cph-a"]
    }
    region "eu-north-lz-hel" {
      name    = "Local Zone Helsinki"
      country = "FI"
      zones   = ["eu-north-lz-hel-a"]
    }
    region "eu-north-lz-osl" {
      name    = "Local Zone Oslo"
      country = "NO"
      zones   = ["eu-north-lz-osl-a"]
    }
    region "eu-north-lz-sto" {
      name    = "Local Zone Stockholm"
      country = "SE"
      zones   = ["eu-north-lz-sto-a"]
    }
    region "eu-south-lz-lis" {
      name    = "Local Zone Lisbon"
      country = "PT"
      zones   = ["eu-south-lz-lis-a"]
    }
    region "eu-south-lz-mad" {
      name    = "Local Zone Madrid"
      country = "ES"
      zones   = ["eu-south-lz-mad-a"]
    }
    region "eu-south-lz-mil" {
      name    = "Local Zone Milan"
      country = "IT"
      zones   = ["eu-south-lz-mil-a"]
    }
    region "af-north-lz-rba" {
      name    = "Local Zone Rabat"
      country = "MA"
      zones   = ["af-north-lz-rba-a"]
    }
    region "af-central-lz-abj" {
      name    = "Local Zone Abidjan"
      country = "CI"
      zones   = ["af-central-lz-abj-a"]
    }
    region "me-south-lz-dxb" {
      name    = "Local Zone Dubai"
      country = "AE"
      zones   = ["me-south-lz-dxb-a"]
    }
    region "ap-south-lz-akl" {
      name    = "Local Zone Auckland"
      country = "NZ"
      zones   = ["ap-south-lz-akl-a"]
    }
    region "ap-south-lz-blr" {
      name    = "Local Zone Bangalore"
      country = "IN"
      zones   = ["ap-south-lz-blr-a"]
    }
    region "sa-central-lz-mex" {
      name    = "Local Zone Mexico City"
      country = "MX"
      zones   = ["sa-central-lz-mex-a"]
    }
    region "sa-east-lz-sao" {
      name    = "Local Zone São Paulo"
      country = "BR"
      zones   = ["sa-east-lz-sao-a"]
    }
    region "sa-west-lz-bue" {
      name    = "Local Zone Buenos Aires"
      country = "AR"
      zones   = ["sa-west-lz-bue-a"]
    }
    region "sa-west-lz-scl" {
      name    = "Local Zone Santiago"
      country = "CL"
      zones   = ["sa-west-lz-scl-a"]
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
      source   = ["anssi_catalogue"]
      as_of    = "2026-09-26"
      verified = "secondary"
    }

    regions {
      source   = ["sccrawler_ovh"]
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
      source           = ["tf_ovh_docs"]
      as_of            = "2026-08-21"
      verified         = "unverified"
    }

    offer "public-cloud" {
      name           = "OVHcloud Public Cloud"
      status         = "not_qualified"
      resource_types = ["ovh_cloud_project*"]
      source         = ["anssi_catalogue"]
      as_of          = "2026-09-26"
      verified       = "secondary"
    }

    secnumcloud {
      status   = "unknown"
      source   = ["anssi_catalogue"]
      as_of    = "2026-09-26"
      verified = "secondary"
    }
  }
}
