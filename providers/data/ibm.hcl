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

source "sec_ibm" {
  title = "US SEC EDGAR filings of International Business Machines Corporation (New York; annual reports 10-K)"
  url   = "https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=0000051143&type=10-K"
  date  = "2026"
}

source "tf_ibm_resource_instance" {
  title = "terraform-provider-ibm ibm_resource_instance: location is a region, or \"global\" for account-wide services"
  url   = "https://registry.terraform.io/providers/IBM-Cloud/ibm/latest/docs/resources/resource_instance"
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
    source           = ["sec_ibm", "us_cloud_act"]
    as_of            = "2026-11-26"
    verified         = "secondary"
  }

  secnumcloud {
    status   = "not_qualified"
    note     = "Absent from the ANSSI catalogue; a US parent fails SecNumCloud 3.2 §19.6"
    source   = ["anssi_catalogue", "snc_ref_32"]
    as_of    = "2026-09-26"
    verified = "secondary"
  }

  # What schemes other than SecNumCloud say of the offering (SOV007).
  certification "c5" {
    scheme   = "bsi-c5"
    level    = "type2"
    status   = "certified"
    note     = "IBM describes attestation reports on the operating effectiveness of controls over a period (Type 2); the period and the services and regions in scope were not read: unverified until they are"
    source   = ["c5_ibm"]
    as_of    = "2026-11-26"
    verified = "unverified"
  }

  certification "eu-csf-card" {
    scheme         = "eu-csf"
    level          = "SEAL-1"
    status         = "unknown"
    scheme_version = "1.2.1"
    issuer         = "csf.hop3.abilian.com (third-party scoring, not the Commission)"
    note           = "A third-party card scores the provider SEAL-1 overall (its lowest objective). No tender's assessment is public: whether a SEAL is held is not established"
    source         = ["csf_ibm"]
    as_of          = "2026-11-26"
    verified       = "secondary"
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
    source   = ["tf_ibm_resource_instance"]
    as_of    = "2026-09"
    verified = "unverified"

    region "global" {
      name   = "Global location of account-wide services"
      global = true
    }
  }
}
