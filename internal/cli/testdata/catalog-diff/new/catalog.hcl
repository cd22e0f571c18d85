# The bundle of catalog-diff/old a month later: the qualification renewed,
# the operator re-read in its legal notice, a region closed and one opened
# (test data: the provider, its documents and decisions are fictional).
bundle {
  version = "2026.12.01"
  as_of   = "2026-12-01"
}

source "eu_member_states" {
  title = "European Union, EU countries"
  url   = "https://european-union.europa.eu/principles-countries-history/eu-countries_en"
  date  = "2026-09"
}

source "acme_legal" {
  title = "ACME Cloud legal notice"
  url   = "https://acme.example/legal"
  date  = "2026-11-20"
}

source "anssi_1000" {
  title = "ANSSI catalog, edition of 15/09/2026: ACME Cloud IaaS, decision 1000"
  url   = "https://messervices.cyber.gouv.fr/visas/catalogue-produits-services-profils-de-protection-sites-certifies-qualifies-agrees-anssi.pdf"
  date  = "2026-09-15"
}

source "anssi_2000" {
  title = "ANSSI catalog, edition of 15/11/2026: ACME Cloud IaaS, decision 2000 (renewal)"
  url   = "https://messervices.cyber.gouv.fr/visas/catalogue-produits-services-profils-de-protection-sites-certifies-qualifies-agrees-anssi.pdf"
  date  = "2026-11-15"
}

country_group "eu" {
  countries = ["DE", "FR", "IT"]
  source    = ["eu_member_states"]
  as_of     = "2026-09"
  verified  = "primary"
}

provider "acme" {
  name     = "ACME Cloud"
  registry = ["acme/acme"]

  operator {
    name             = "ACME Cloud SAS"
    country          = "FR"
    eu_legal_control = "yes"
    source           = ["acme_legal"]
    as_of            = "2026-11-20"
    verified         = "primary"
  }

  offer "iaas" {
    name           = "ACME IaaS"
    status         = "qualified"
    regions        = ["fr-1"]
    qualified_from = "2026-12-01"
    valid_until    = "2029-12-01"
    decision       = "2000"
    source         = ["anssi_2000"]
    as_of          = "2026-11-15"
    verified       = "primary"
  }

  secnumcloud {
    status   = "not_qualified"
    source   = ["anssi_1000"]
    as_of    = "2026-09-15"
    verified = "secondary"
  }

  regions {
    source   = ["acme_legal"]
    as_of    = "2026-11-20"
    verified = "primary"

    region "fr-1" { country = "FR" }
    region "it-1" { country = "IT" }
  }
}
