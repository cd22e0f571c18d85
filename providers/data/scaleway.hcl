# Scaleway (Iliad group). Its public regions are not SecNumCloud-qualified;
# a separate "Scaleway SecNumCloud" offer is on ANSSI's in-progress list.

source "tf_scw_regions_guide" {
  title  = "scaleway/terraform-provider-scaleway regions and zones guide and provider docs (region default fr-par, zone default fr-par-1)"
  repo   = "scaleway/terraform-provider-scaleway"
  path   = "docs/guides/regions_and_zones.md"
  commit = "b2d45ed4bd720e127167f80f1e0b86c7833577e6"
  date   = "2026-08-21"
}

source "tf_scw_cassette_itmil" {
  title  = "scaleway/terraform-provider-scaleway test recording answering it-mil as a live region"
  repo   = "scaleway/terraform-provider-scaleway"
  path   = "internal/services/vpc/testdata/list-vp-cs-basic.cassette.yaml"
  commit = "b2d45ed4bd720e127167f80f1e0b86c7833577e6"
  date   = "2026-08-17"
}

source "scw_products_availability" {
  title = "scaleway/docs-content PR #4116: products availability (Edge Services are Global)"
  url   = "https://github.com/scaleway/docs-content/pull/4116.diff"
  date  = "2025"
}

source "scw_sdk_locality" {
  title = "scaleway/scaleway-sdk-go v1.39.0 scw/locality.go: RegionItMil with zones it-mil-1, it-mil-2 and it-mil-3"
  url   = "https://github.com/scaleway/scaleway-sdk-go/blob/v1.39.0/scw/locality.go"
  date  = "2026-10-12"
}

source "linfo_scw_snc_j0" {
  title = "L'Informaticien: Scaleway se lance dans SecNumCloud 3 (J0 reached on 2025-01-08 for its offer 'Scaleway Cloud', qualification aimed for the end of 2025)"
  url   = "https://linformaticien.com/magazine-linfo-cyber-risques/conformite/62901-scaleway-se-lance-dans-secnumcloud-3.html"
  date  = "2025-01-08"
}

source "pepin_scaleway" {
  title = "Pépin provider descriptor for Scaleway: 'recevabilité validée (12/2024), jalon 1 franchi (07/2025)', citing iliad.fr"
  url   = "https://github.com/stephrobert/pepin/blob/main/providers/scaleway.yaml"
  date  = "2026-08-21"
}

source "csf_scaleway" {
  title = "Cloud sovereignty provider card: Scaleway"
  url   = "https://csf.hop3.abilian.com/providers/scaleway.html"
  date  = "2026"
}

source "scw_blog_snc_2026" {
  title = "Scaleway blog: SecNumCloud, the trusted cloud standard (the path toward obtaining it)"
  url   = "https://www.scaleway.com/en/blog/secnumcloud-trusted-cloud-standard/"
  date  = "2026-05-11"
}

provider "scaleway" {
  name     = "Scaleway"
  registry = ["scaleway/scaleway"]

  location {
    resource_attributes = ["region", "zone"]
    provider_attributes = ["region", "zone"]
    zone_patterns       = ["^([a-z]{2}-[a-z]{3})-\\d+$"]
    env                 = ["SCW_DEFAULT_REGION", "SCW_DEFAULT_ZONE", "SCW_PROFILE (~/.config/scw/config.yaml)"]
  }

  tags {
    # Scaleway tags are strings; "key=value" is the convention sovlint reads.
    resource_attributes = ["tags"]
  }

  operator {
    name             = "Scaleway SAS"
    country          = "FR"
    parent           = "Iliad group"
    parent_country   = "FR"
    eu_legal_control = "yes"
    source           = ["csf_scaleway", "linfo_scw_snc_j0"]
    as_of            = "2026-09"
    verified         = "secondary"
  }

  # On ANSSI's in-progress list as a separate future zone: no region or
  # resource of today's provider is known to belong to it.
  offer "scaleway-secnumcloud" {
    name        = "Scaleway SecNumCloud (future dedicated zone)"
    status      = "in_progress"
    listed_only = true
    note        = "J0 reached on 2025-01-08 (offer then named 'Scaleway Cloud'), qualification aimed for the end of 2025 and not obtained: still in progress, absent from the ANSSI catalogue of 15/09/2026. A third-party descriptor reports J1 in 07/2025 (not checked against Scaleway's or Iliad's own announcement)"
    source      = ["anssi_catalogue", "anssi_snc_list_page", "linfo_scw_snc_j0", "pepin_scaleway", "scw_blog_snc_2026"]
    as_of       = "2026-11-26"
    verified    = "secondary"
  }

  secnumcloud {
    status   = "not_qualified"
    note     = "Scaleway's public regions are not qualified. The offer 'Scaleway SecNumCloud', a separate future zone, is on ANSSI's in-progress list (J0 on 2025-01-08); none of the regions below is it"
    source   = ["anssi_catalogue", "anssi_snc_list_page", "scw_blog_snc_2026"]
    as_of    = "2026-09-26"
    verified = "secondary"
  }

  global_service "Scaleway organisation-wide services (IAM, projects, domains and DNS, Edge Services)" {
    resource_types = ["scaleway_iam_*", "scaleway_account_*", "scaleway_domain_*", "scaleway_edge_services_*"]
    source         = ["scw_products_availability"]
    as_of          = "2026-09"
    verified       = "unverified"
  }

  regions {
    source   = ["tf_scw_regions_guide"]
    as_of    = "2026-08-21"
    verified = "primary"

    region "fr-par" {
      name    = "Paris"
      country = "FR"
      zones   = ["fr-par-1", "fr-par-2", "fr-par-3"]
    }
    region "nl-ams" {
      name    = "Amsterdam"
      country = "NL"
      zones   = ["nl-ams-1", "nl-ams-2", "nl-ams-3"]
    }
    region "pl-waw" {
      name    = "Warsaw"
      country = "PL"
      zones   = ["pl-waw-1", "pl-waw-2", "pl-waw-3"]
    }
  }

  regions {
    source   = ["scw_sdk_locality", "tf_scw_cassette_itmil"]
    as_of    = "2026-11-26"
    verified = "primary"

    region "it-mil" {
      name    = "Milan"
      country = "IT"
      zones   = ["it-mil-1", "it-mil-2", "it-mil-3"]
      note    = "Defined in Scaleway's Go SDK; not yet in the provider's regions guide"
    }
  }
}
