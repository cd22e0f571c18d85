# IBM Cloud through IBM-Cloud/ibm. Resources take the provider's region
# (default us-south when neither the configuration nor IC_REGION says
# otherwise, which sovlint cannot see) unless they name a zone or location.

source "ibm_monitoring_regions" {
  title = "IBM Cloud docs, Monitoring regions and endpoints"
  url   = "https://cloud.ibm.com/docs/monitoring?topic=monitoring-regions"
  date  = "2026"
}

source "ibm_codeengine_regions" {
  title = "IBM Cloud docs, Code Engine regions"
  url   = "https://cloud.ibm.com/docs/codeengine?topic=codeengine-regions"
  date  = "2026"
}

provider "ibm" {
  name     = "IBM Cloud"
  registry = ["IBM-Cloud/ibm"]

  location {
    # VPC resources name a zone ("eu-de-1"), service instances a location
    # ("eu-de" or "global"), Object Storage buckets a region_location.
    resource_attributes = ["region", "zone", "location", "region_location"]
    provider_attributes = ["region", "zone"]
    zone_patterns       = ["^([a-z]{2}-[a-z]{2,3})-\\d$"]
    env                 = ["IC_REGION", "IBMCLOUD_REGION", "IC_ZONE"]
  }

  tags {
    # IBM tags are "key:value" strings.
    resource_attributes = ["tags"]
  }

  operator {
    name             = "International Business Machines Corporation"
    country          = "US"
    parent_country   = "US"
    eu_legal_control = "no"
    laws             = ["the US CLOUD Act", "FISA section 702"]
    source           = ["research_sovereignty", "snc_ref_32"]
    as_of            = "2026-09"
    verified         = "unverified"
  }

  secnumcloud {
    status   = "not_qualified"
    note     = "Absent from the ANSSI catalogue; a US parent fails SecNumCloud 3.2 §19.6"
    source   = ["anssi_relay_r2", "snc_ref_32"]
    as_of    = "2026-09-26"
    verified = "secondary"
  }

  regions {
    source   = ["ibm_monitoring_regions", "ibm_codeengine_regions"]
    as_of    = "2026-09"
    verified = "primary"

    region "eu-de" {
      name    = "Frankfurt"
      country = "DE"
    }
    region "eu-es" {
      name    = "Madrid"
      country = "ES"
    }
    region "eu-gb" {
      name    = "London"
      country = "GB"
    }
    region "us-south" {
      name    = "Dallas"
      country = "US"
    }
    region "us-east" {
      name    = "Washington DC"
      country = "US"
    }
    region "ca-tor" {
      name    = "Toronto"
      country = "CA"
    }
    region "ca-mon" {
      name    = "Montreal"
      country = "CA"
    }
    region "br-sao" {
      name    = "São Paulo"
      country = "BR"
    }
    region "au-syd" {
      name    = "Sydney"
      country = "AU"
    }
    region "jp-tok" {
      name    = "Tokyo"
      country = "JP"
    }
    region "jp-osa" {
      name    = "Osaka"
      country = "JP"
    }
    region "in-che" {
      name    = "Chennai"
      country = "IN"
    }
  }

  regions {
    source   = ["research_sovereignty"]
    as_of    = "2026-09"
    verified = "unverified"

    region "global" {
      name   = "Global location of account-wide services"
      global = true
    }
  }
}
