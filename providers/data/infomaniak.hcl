# Infomaniak (Geneva) through Infomaniak/infomaniak for its managed
# services; its Public Cloud is OpenStack (see openstack.hcl).

source "tf_infomaniak_docs" {
  title  = "Infomaniak/terraform-provider-infomaniak documentation (region on kaas/dbaas, availability_zone on instance pools)"
  repo   = "Infomaniak/terraform-provider-infomaniak"
  path   = "docs/"
  commit = "3f4308c9b6970b3b9e53c4c568e5f1bca969cfcb"
  date   = "2026-05-19"
}

source "sovsky_infomaniak" {
  title  = "sovereignsky-site: Infomaniak data centres and headquarters country"
  repo   = "terchris/sovereignsky-site"
  path   = "content/datacenters/infomaniak/index.md"
  commit = "e5fe17a6e517cca31a0bd1e1a27b325e27ac7469"
  date   = "2025-12-21"
}

provider "infomaniak" {
  name     = "Infomaniak"
  registry = ["Infomaniak/infomaniak"]

  location {
    resource_attributes = ["region", "availability_zone"]
    env                 = ["INFOMANIAK_HOST"]
  }

  operator {
    name             = "Infomaniak Network SA"
    country          = "CH"
    eu_legal_control = "no"
    laws             = ["Swiss law"]
    note             = "A Swiss company: outside the EU, though not under US or Chinese law"
    source           = ["sovsky_infomaniak"]
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
    source   = ["tf_infomaniak_docs", "sovsky_infomaniak"]
    as_of    = "2026-05-19"
    verified = "primary"

    region "dc4-a" {
      name    = "Switzerland (DC4)"
      country = "CH"
    }
  }

  # dc3-a was seen in public configurations of the Infomaniak Public Cloud,
  # not in an Infomaniak document.
  regions {
    source   = ["sovsky_infomaniak"]
    as_of    = "2026-11-23"
    verified = "unverified"

    region "dc3-a" {
      name    = "Geneva (DC3)"
      country = "CH"
    }
  }
}
