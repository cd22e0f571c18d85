# IONOS Cloud through ionos-cloud/ionoscloud. A virtual data centre names
# its location ("de/fra"); object storage names an S3-style region.

source "tf_ionos_docs" {
  title  = "ionos-cloud/terraform-provider-ionoscloud documentation (datacenter locations, s3_region)"
  repo   = "ionos-cloud/terraform-provider-ionoscloud"
  path   = "docs/data-sources/datacenter.md"
  commit = "62ea59adb66f3c0a5ef1698cca35967f8b0a9ed1"
  date   = "2026-07-24"
}

source "sovsky_ionos" {
  title  = "sovereignsky-site: IONOS data centre locations and headquarters country"
  repo   = "terchris/sovereignsky-site"
  path   = "content/datacenters/ionos/index.md"
  commit = "e5fe17a6e517cca31a0bd1e1a27b325e27ac7469"
  date   = "2025-12-20"
}

source "united_internet_ar2022_ionos" {
  title = "United Internet annual report 2022, subsequent events: after the IPO of IONOS Group SE (8 February 2023) United Internet holds 63.8%, Warburg Pincus 21.2%, free float 15.0%"
  url   = "https://report.united-internet.de/annual-report/2022/management-report/subsequent-events.html"
  date  = "2023-03"
}

provider "ionos" {
  name     = "IONOS Cloud"
  registry = ["ionos-cloud/ionoscloud"]

  location {
    # availability_zone is "AUTO" or "ZONE_1": a placement inside a data
    # centre, never a location.
    resource_attributes = ["location", "region"]
    # A server, LAN, volume, IP failover or Kubernetes node pool is in its
    # virtual datacenter, which has the location.
    parent_attributes   = ["datacenter_id", "k8s_cluster_id"]
    provider_attributes = ["s3_region"]
    env                 = ["IONOS_API_URL"]
  }

  tags {
    resource_attributes = ["labels", "label"]
  }

  operator {
    name             = "IONOS SE"
    country          = "DE"
    parent           = "United Internet AG"
    parent_country   = "DE"
    eu_legal_control = "yes"
    note             = "IONOS Group SE is majority-owned by United Internet AG (63.8% after its 2023 IPO); Warburg Pincus, a US investor, holds a minority (21.2%)"
    source           = ["sovsky_ionos", "united_internet_ar2022_ionos"]
    as_of            = "2026-11-26"
    verified         = "secondary"
  }

  secnumcloud {
    status   = "not_qualified"
    note     = "Not in the ANSSI catalogue as relayed; German providers hold BSI C5 attestations, which are not a sovereignty qualification"
    source   = ["anssi_catalogue"]
    as_of    = "2026-09-26"
    verified = "secondary"
  }

  regions {
    source   = ["tf_ionos_docs", "sovsky_ionos"]
    as_of    = "2026-07-24"
    verified = "primary"

    region "de/fra" {
      name    = "Frankfurt"
      country = "DE"
      zones   = ["de/fra/2"]
    }
    region "de/txl" {
      name    = "Berlin"
      country = "DE"
    }
    region "de/fkb" {
      name    = "Karlsruhe"
      country = "DE"
    }
    region "fr/par" {
      name    = "Paris"
      country = "FR"
    }
    region "es/vit" {
      name    = "Logroño"
      country = "ES"
    }
    region "gb/lhr" {
      name    = "London"
      country = "GB"
    }
    region "gb/bhx" {
      name    = "Worcester"
      country = "GB"
    }
    region "us/las" {
      name    = "Las Vegas"
      country = "US"
    }
    region "us/ewr" {
      name    = "Newark"
      country = "US"
    }
    region "us/mci" {
      name    = "Lenexa"
      country = "US"
    }
  }

  # Object storage regions seen in provider docs and public code; their
  # sites are from memory and not confirmed, so EU residency is not
  # established for them either.
  regions {
    source   = ["tf_ionos_docs"]
    as_of    = "2026-09"
    verified = "unverified"

    region "de" {
      name    = "Object storage, Frankfurt"
      country = "DE"
    }
    region "eu-central-2" {
      name    = "Object storage, Berlin"
      country = "DE"
    }
    region "eu-central-3" {
      name    = "Object storage, Berlin"
      country = "DE"
    }
    region "eu-central-4" {
      name    = "Object storage, Frankfurt"
      country = "DE"
    }
    region "eu-south-2" {
      name    = "Object storage, Logroño"
      country = "ES"
    }
  }
}
