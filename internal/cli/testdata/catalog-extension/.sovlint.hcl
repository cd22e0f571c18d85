# ACME runs its own OpenStack, hosted in France by a company whose private
# cloud offer is SecNumCloud-qualified. The catalog cannot know that cloud:
# this file declares it, with the sources the team relies on.

source "acme_hosting_contract" {
  title = "ACME hosting contract with Example Host SAS, annex 3 (sites in France)"
  date  = "2026-10-01"
}

source "anssi_example_host" {
  title = "ANSSI catalogue, entry of Example Host's private IaaS"
  url   = "https://messervices.cyber.gouv.fr/visas/catalogue-produits-services-profils-de-protection-sites-certifies-qualifies-agrees-anssi.pdf"
  date  = "2026-09-15"
}

provider "openstack" {
  variant "acme-private" {
    name = "ACME private cloud hosted by Example Host"
    when {
      attribute = "auth_url"
      matches   = "^https://keystone\\.acme\\.example/"
    }

    operator {
      name             = "Example Host SAS"
      country          = "FR"
      eu_legal_control = "yes"
      source           = ["acme_hosting_contract"]
      as_of            = "2026-10-01"
      verified         = "primary"
    }

    offer "private-iaas" {
      name           = "Example Host private IaaS (SecNumCloud)"
      status         = "qualified"
      qualified_from = "2025-06-01"
      valid_until    = "2028-06-01"
      decision       = "0000"
      source         = ["anssi_example_host"]
      as_of          = "2026-09-15"
      verified       = "primary"
    }

    secnumcloud {
      status   = "unknown"
      source   = ["acme_hosting_contract"]
      as_of    = "2026-10-01"
      verified = "primary"
    }

    regions {
      source   = ["acme_hosting_contract"]
      as_of    = "2026-10-01"
      verified = "primary"

      region "RegionOne" {
        name    = "Example Host, Paris area"
        country = "FR"
      }
    }
  }
}

policy {
  residency = ["eu"]
}
