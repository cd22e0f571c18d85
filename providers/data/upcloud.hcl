# UpCloud through UpCloudLtd/upcloud. Every resource names its zone, which
# is the location.

source "sccrawler_upcloud" {
  title  = "SpareCores sc-crawler UpCloud zone → country table"
  repo   = "SpareCores/sc-crawler"
  path   = "src/sc_crawler/vendors/_upcloud.py"
  commit = "4bcc0b18071228470757043ea20b823be2fca0bd"
  date   = "2026-07-24"
}

source "tf_upcloud_docs" {
  title  = "UpCloudLtd/terraform-provider-upcloud documentation (zone on resources)"
  repo   = "UpCloudLtd/terraform-provider-upcloud"
  path   = "docs/"
  commit = "67632e69c630bb80470fd3a6d62e6ce85e9ed730"
  date   = "2026-07-22"
}

source "upcloud_privacy" {
  title = "UpCloud privacy notice: UpCloud Oy, a limited liability company registered in Finland (business ID 2431560-5), Helsinki"
  url   = "https://upcloud.com/global/privacy-notice/"
  date  = "2025-08-11"
}

provider "upcloud" {
  name     = "UpCloud"
  registry = ["UpCloudLtd/upcloud"]

  location {
    resource_attributes = ["zone"]
  }

  tags {
    resource_attributes = ["labels", "tags"]
  }

  operator {
    name             = "UpCloud Oy (UpCloud Ltd)"
    country          = "FI"
    eu_legal_control = "yes"
    note             = "A Finnish company; no non-EU shareholder is reported in the documents cited"
    source           = ["upcloud_privacy"]
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
    source   = ["sccrawler_upcloud", "tf_upcloud_docs"]
    as_of    = "2026-07-24"
    verified = "secondary"

    region "fi-hel1" {
      name    = "Helsinki #1"
      country = "FI"
    }
    region "fi-hel2" {
      name    = "Helsinki #2"
      country = "FI"
    }
    region "de-fra1" {
      name    = "Frankfurt #1"
      country = "DE"
    }
    region "nl-ams1" {
      name    = "Amsterdam #1"
      country = "NL"
    }
    region "pl-waw1" {
      name    = "Warsaw #1"
      country = "PL"
    }
    region "es-mad1" {
      name    = "Madrid #1"
      country = "ES"
    }
    region "se-sto1" {
      name    = "Stockholm #1"
      country = "SE"
    }
    region "dk-cph1" {
      name    = "Copenhagen #1"
      country = "DK"
    }
    region "no-svg1" {
      name    = "Stavanger #1"
      country = "NO"
    }
    region "uk-lon1" {
      name    = "London #1"
      country = "GB"
    }
    region "us-chi1" { country = "US" }
    region "us-nyc1" { country = "US" }
    region "us-sjo1" { country = "US" }
    region "sg-sin1" { country = "SG" }
    region "au-syd1" { country = "AU" }
  }
}
