# 3DS OUTSCALE. Only the cloudgouv-eu-west-1 region is covered by the
# SecNumCloud qualification; eu-west-2 is also in France but is not.

source "csf_outscale" {
  title = "Cloud sovereignty provider card: 3DS OUTSCALE (cites 3ds.com press releases)"
  url   = "https://csf.hop3.abilian.com/providers/3ds-outscale.html"
  date  = "2026"
}

source "outscale_regions_doc" {
  title = "OUTSCALE Regions, Endpoints and Subregions Reference"
  url   = "https://docs.outscale.com/en/userguide/Regions-Endpoints-and-Subregions-Reference.html"
  date  = "2026"
}

source "tf_outscale_index" {
  title  = "outscale/terraform-provider-outscale provider documentation"
  repo   = "outscale/terraform-provider-outscale"
  path   = "docs/index.md"
  commit = "70f2bbeb2361b374d7cb52504d90ac3e29d70fa7"
  date   = "2026-08-12"
}

source "press_outscale_snc32" {
  title = "Dassault Systèmes press release: OUTSCALE first cloud qualified SecNumCloud 3.2 (11/12/2023)"
  url   = "https://www.3ds.com/newsroom/press-releases/outscale-first-cloud-qualified-secnumcloud-32"
  date  = "2023-12-11"
}

source "outscale_support_snc_region" {
  title = "pepin issue #167 quoting OUTSCALE support article 4420389575195: the entire cloudgouv-eu-west-1 Region, both of its AZs, is SecNumCloud qualified"
  url   = "https://github.com/stephrobert/pepin/issues/167"
  date  = "2026-09-09"
}

source "libcloud_outscale_inc" {
  title = "apache/libcloud PR #293: US regions sold by 'Outscale INC, an american company' (2014)"
  url   = "https://github.com/apache/libcloud/pull/293"
  date  = "2014"
}

provider "outscale" {
  name     = "3DS OUTSCALE"
  # outscale-dev/outscale is the namespace the provider was published
  # under before outscale/outscale (registry.terraform.io/providers/
  # outscale-dev/outscale); configurations pinned to it still exist.
  registry = ["outscale/outscale", "outscale-dev/outscale"]

  location {
    resource_attributes = ["subregion_name", "placement_subregion_name", "subregion_names", "region"]
    provider_attributes = ["api.region", "region", "api.endpoint", "oks.region"]
    value_patterns = {
      "api.endpoint" = "^(?:https?://)?api\\.([a-z0-9-]+)\\.outscale\\.com"
    }
    zone_patterns = ["^([a-z]+(?:-[a-z]+)*-\\d+)[a-z]$"]
    env           = ["OSC_REGION", "OSC_ENDPOINT_API", "OSC_PROFILE (region from ~/.osc/config.json)"]
  }

  tags {
    resource_attributes = ["tags"]
  }

  operator {
    name             = "3DS OUTSCALE SAS"
    country          = "FR"
    parent           = "Dassault Systèmes SE"
    parent_country   = "FR"
    eu_legal_control = "yes"
    source           = ["csf_outscale", "press_outscale_snc32", "anssi_2118", "snc_ref_32"]
    as_of            = "2026-09"
    verified         = "secondary"
  }

  offer "oks" {
    name           = "OUTSCALE Kubernetes Service (OKS)"
    status         = "unknown"
    resource_types = ["outscale_oks_*"]
    note           = "The qualified service is the IaaS; whether OKS is in its perimeter was not found"
    source         = ["anssi_2118"]
    as_of          = "2026-09-26"
    verified       = "unverified"
  }

  offer "iaas-cloudgouv" {
    name           = "OUTSCALE IaaS Cloud on Demand in cloudgouv-eu-west-1 (SecNumCloud 3.2)"
    status         = "qualified"
    regions        = ["cloudgouv-eu-west-1"]
    qualified_from = "2023-11-30"
    valid_until    = "2026-11-30"
    decision       = "2118"
    note           = "Decision and dates read through public transcriptions of the ANSSI catalogue of 15/09/2026, not the PDF (hence secondary). OUTSCALE support: the whole region, both AZs, is qualified. No public renewal found as of 2026-11-26: from 2026-12-01 the qualification counts as lapsed until a renewal is declared"
    source         = ["anssi_2118", "press_outscale_snc32", "outscale_support_snc_region"]
    as_of          = "2026-11-26"
    verified       = "secondary"
  }

  offer "iaas-eu-west-2" {
    name     = "OUTSCALE IaaS in eu-west-2"
    status   = "not_qualified"
    regions  = ["eu-west-2"]
    note     = "The qualification names the SecNumCloud region cloudgouv-eu-west-1 only"
    source   = ["anssi_2118", "outscale_support_snc_region"]
    as_of    = "2026-11-23"
    verified = "secondary"
  }

  secnumcloud {
    status   = "unknown"
    note     = "Services beyond the qualified IaaS are not established either way"
    source   = ["anssi_2118"]
    as_of    = "2026-09-26"
    verified = "unverified"
  }

  # What schemes other than SecNumCloud say of the offering (SOV007).
  certification "eu-csf-card" {
    scheme         = "eu-csf"
    level          = "SEAL-3"
    status         = "unknown"
    scheme_version = "1.2.1"
    issuer         = "csf.hop3.abilian.com (third-party scoring, not the Commission)"
    note           = "A third-party card scores the provider SEAL-3 overall (its lowest objective). No tender's assessment is public: whether a SEAL is held is not established"
    source         = ["csf_outscale"]
    as_of          = "2026-11-26"
    verified       = "secondary"
  }

  regions {
    source   = ["outscale_regions_doc", "tf_outscale_index"]
    as_of    = "2026-08-12"
    verified = "primary"

    region "cloudgouv-eu-west-1" {
      name    = "France (SecNumCloud region)"
      country = "FR"
    }
    region "eu-west-2" {
      name    = "France"
      country = "FR"
    }
  }

  variant "outside-europe" {
    name = "OUTSCALE regions outside Europe"
    when {
      region_pattern = "^(us|ap)-"
    }

    operator {
      name             = "Outscale entity operating the US and Asian regions (not established)"
      eu_legal_control = "unknown"
      note             = "In 2014 the US regions were sold by Outscale Inc., a US company; today's operator was not found"
      source           = ["libcloud_outscale_inc"]
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
      source   = ["outscale_regions_doc"]
      as_of    = "2026-08-12"
      verified = "primary"
      region "us-east-2" { country = "US" }
      region "us-west-1" { country = "US" }
      region "ap-northeast-1" { country = "JP" }
    }
  }
}
