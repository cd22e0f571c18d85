# Vultr through vultr/vultr. Every regional resource names its region by an
# airport-style code ("cdg" Paris, "fra" Frankfurt).

source "vultr_api_regions" {
  title = "Vultr API, list regions (GET /v2/regions, public, no authentication): id, city and country of every region"
  url   = "https://api.vultr.com/v2/regions"
  date  = "2026"
}

source "sccrawler_vultr" {
  title  = "SpareCores sc-crawler Vultr region table (region ids with city coordinates; country read from the Vultr API)"
  repo   = "SpareCores/sc-crawler"
  path   = "src/sc_crawler/vendors/_vultr.py"
  commit = "031870f46507f826e4fb05098d49daf396b26650"
  date   = "2026"
}

source "vultr_tos" {
  title = "Vultr terms of service (the contracting company and its jurisdiction)"
  url   = "https://www.vultr.com/legal/tos/"
  date  = "2026"
}

provider "vultr" {
  name     = "Vultr"
  registry = ["vultr/vultr"]

  location {
    resource_attributes = ["region"]
  }

  tags {
    resource_attributes = ["tags"]
  }

  operator {
    name             = "The Constant Company, LLC (Vultr)"
    country          = "US"
    eu_legal_control = "no"
    laws             = ["the US CLOUD Act", "FISA section 702"]
    note             = "A US company (West Palm Beach, Florida); the entity name is not checked against the current terms"
    source           = ["vultr_tos", "us_cloud_act"]
    as_of            = "2026-11-26"
    verified         = "unverified"
  }

  secnumcloud {
    status   = "not_qualified"
    note     = "Absent from the ANSSI catalogue; a US operator fails SecNumCloud 3.2 §19.6"
    source   = ["anssi_catalogue", "snc_ref_32"]
    as_of    = "2026-09-26"
    verified = "secondary"
  }

  # The country of each region is the one of the city at the coordinates
  # sc-crawler records for it (the API itself was not queried).
  regions {
    source   = ["sccrawler_vultr", "vultr_api_regions"]
    as_of    = "2026-11-26"
    verified = "secondary"

    region "cdg" {
      name    = "Paris"
      country = "FR"
    }
    region "fra" {
      name    = "Frankfurt"
      country = "DE"
    }
    region "ams" {
      name    = "Amsterdam"
      country = "NL"
    }
    region "mad" {
      name    = "Madrid"
      country = "ES"
    }
    region "mxp" {
      name    = "Milan"
      country = "IT"
    }
    region "sto" {
      name    = "Stockholm"
      country = "SE"
    }
    region "waw" {
      name    = "Warsaw"
      country = "PL"
    }
    region "lhr" {
      name    = "London"
      country = "GB"
    }
    region "man" {
      name    = "Manchester"
      country = "GB"
    }
    region "atl" { country = "US" }
    region "dfw" { country = "US" }
    region "ewr" { country = "US" }
    region "hnl" { country = "US" }
    region "lax" { country = "US" }
    region "mia" { country = "US" }
    region "ord" { country = "US" }
    region "sea" { country = "US" }
    region "sjc" { country = "US" }
    region "yto" {
      name    = "Toronto"
      country = "CA"
    }
    region "mex" {
      name    = "Mexico City"
      country = "MX"
    }
    region "sao" {
      name    = "São Paulo"
      country = "BR"
    }
    region "scl" {
      name    = "Santiago"
      country = "CL"
    }
    region "jnb" {
      name    = "Johannesburg"
      country = "ZA"
    }
    region "tlv" {
      name    = "Tel Aviv"
      country = "IL"
    }
    region "blr" {
      name    = "Bangalore"
      country = "IN"
    }
    region "bom" {
      name    = "Mumbai"
      country = "IN"
    }
    region "del" {
      name    = "Delhi"
      country = "IN"
    }
    region "icn" {
      name    = "Seoul"
      country = "KR"
    }
    region "itm" {
      name    = "Osaka"
      country = "JP"
    }
    region "nrt" {
      name    = "Tokyo"
      country = "JP"
    }
    region "sgp" {
      name    = "Singapore"
      country = "SG"
    }
    region "mel" {
      name    = "Melbourne"
      country = "AU"
    }
    region "syd" {
      name    = "Sydney"
      country = "AU"
    }
  }
}
