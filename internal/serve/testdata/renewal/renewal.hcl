bundle {
  version = "2026.12.10"
  as_of   = "2026-12-10"
  extends = "embedded"
}

source "anssi_4242" {
  title = "ANSSI catalog of qualified products and services, edition of 10/12/2026: OUTSCALE IaaS Cloud on Demand, decision 4242 (fictional test data)"
  url   = "https://messervices.cyber.gouv.fr/visas/catalogue-produits-services-profils-de-protection-sites-certifies-qualifies-agrees-anssi.pdf"
  date  = "2026-12-10"
}

provider "outscale" {
  offer "iaas-cloudgouv" {
    name           = "OUTSCALE IaaS Cloud on Demand in cloudgouv-eu-west-1 (SecNumCloud 3.2)"
    status         = "qualified"
    regions        = ["cloudgouv-eu-west-1"]
    qualified_from = "2026-11-30"
    valid_until    = "2029-11-30"
    decision       = "4242"
    source         = ["anssi_4242"]
    as_of          = "2026-12-10"
    verified       = "primary"
  }
}
