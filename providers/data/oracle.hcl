# Oracle Cloud Infrastructure through oracle/oci. The EU Sovereign Cloud
# regions (realm oc19: eu-frankfurt-2, eu-madrid-2) keep data in the EU and
# are run by Oracle's EU staff, but Oracle Corporation (US) controls them.

source "oracle_epm_oc19" {
  title = "Oracle Fusion EPM docs, 'Migration of EURA Environments to EU Sovereign Cloud (OC19)': EU Sovereign Central (Frankfurt) - eu-frankfurt-2, EU Sovereign South (Madrid) - eu-madrid-2"
  url   = "https://docs.oracle.com/en/cloud/saas/enterprise-performance-management-common/tsepm/opc_oci_mig_assist_oracle_managed.html"
  date  = "2026"
}

source "oracle_regions_doc" {
  title = "Oracle Cloud Infrastructure documentation, Regions and Availability Domains"
  url   = "https://docs.oracle.com/en-us/iaas/Content/General/Concepts/regions.htm"
  date  = "2026"
}

source "sovsky_oci" {
  title  = "sovereignsky-site: OCI data centre locations"
  repo   = "terchris/sovereignsky-site"
  path   = "content/datacenters/oci/index.md"
  commit = "e5fe17a6e517cca31a0bd1e1a27b325e27ac7469"
  date   = "2025-12-19"
}

source "sec_oracle" {
  title = "US SEC EDGAR filings of Oracle Corporation (Delaware; annual reports 10-K)"
  url   = "https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=0001341439&type=10-K"
  date  = "2026"
}

source "tf_oci_replication_policy" {
  title = "terraform-provider-oci oci_objectstorage_replication_policy: bucket (the source) and destination_region_name"
  url   = "https://docs.oracle.com/en-us/iaas/tools/terraform-provider-oci/latest/docs/r/objectstorage_replication_policy.html"
  date  = "2026"
}

source "oci_go_sdk_regions" {
  title = "oracle/oci-go-sdk v65.130.0 common/regions.json: 85 regions with their realm (oc1 public, oc4 UK government, oc19 EU Sovereign Cloud, dedicated and government realms)"
  url   = "https://github.com/oracle/oci-go-sdk/blob/v65.130.0/common/regions.json"
  date  = "2026-11-10"
}

provider "oci" {
  name     = "Oracle Cloud Infrastructure"
  registry = ["oracle/oci"]

  location {
    # Most OCI resources take the provider's region; compute and block
    # storage name an availability domain such as "Uocm:EU-PARIS-1-AD-1",
    # whose tenancy prefix is dropped.
    resource_attributes = ["region", "availability_domain"]
    provider_attributes = ["region"]
    zone_patterns       = ["^(?:[a-z0-9]+:)?([a-z]+(?:-[a-z]+)+-\\d+)-ad-\\d+$"]
    env                 = ["OCI_REGION", "TF_VAR_region", "config_file_profile (region from ~/.oci/config)"]
  }

  tags {
    resource_attributes = ["freeform_tags", "defined_tags"]
  }

  operator {
    name             = "Oracle Corporation"
    country          = "US"
    parent_country   = "US"
    eu_legal_control = "no"
    laws             = ["the US CLOUD Act", "FISA section 702"]
    source           = ["sec_oracle", "us_cloud_act"]
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

  # Object Storage replication: the bucket's objects are copied to a
  # bucket in the named region.
  replication "Object Storage replication policy" {
    resource_types   = ["oci_objectstorage_replication_policy"]
    source_reference = "bucket"
    path             = "destination_region_name"
    source           = ["tf_oci_replication_policy"]
    as_of            = "2026-11-26"
    verified         = "primary"
  }

  regions {
    source   = ["oracle_regions_doc", "sovsky_oci"]
    as_of    = "2026-09"
    verified = "secondary"

    region "eu-paris-1" {
      name    = "France Central (Paris)"
      country = "FR"
    }
    region "eu-marseille-1" {
      name    = "France South (Marseille)"
      country = "FR"
    }
    region "eu-frankfurt-1" {
      name    = "Germany Central (Frankfurt)"
      country = "DE"
    }
    region "eu-amsterdam-1" {
      name    = "Netherlands Northwest (Amsterdam)"
      country = "NL"
    }
    region "eu-milan-1" {
      name    = "Italy Northwest (Milan)"
      country = "IT"
    }
    region "eu-turin-1" {
      name    = "Italy North (Turin)"
      country = "IT"
    }
    region "eu-madrid-1" {
      name    = "Spain Central (Madrid)"
      country = "ES"
    }
    region "eu-madrid-3" { country = "ES" }
    region "eu-stockholm-1" {
      name    = "Sweden Central (Stockholm)"
      country = "SE"
    }
    region "eu-zurich-1" {
      name    = "Switzerland North (Zurich)"
      country = "CH"
    }
    region "eu-jovanovac-1" {
      name    = "Serbia Central (Jovanovac)"
      country = "RS"
    }
    region "uk-london-1" {
      name    = "UK South (London)"
      country = "GB"
    }
    region "uk-cardiff-1" {
      name    = "UK West (Newport)"
      country = "GB"
    }
  }

  # Regions of the SDK's region list; the country is the one of the city
  # the region identifier names.
  regions {
    source   = ["oci_go_sdk_regions"]
    as_of    = "2026-11-26"
    verified = "secondary"

    region "eu-budapest-1" { country = "HU" }
    region "eu-crissier-1" { country = "CH" }
    region "eu-dcc-dublin-1" { country = "IE" }
    region "eu-dcc-dublin-2" { country = "IE" }
    region "eu-dcc-milan-1" { country = "IT" }
    region "eu-dcc-milan-2" { country = "IT" }
    region "eu-dcc-zurich-1" { country = "CH" }
    region "us-ashburn-1" { country = "US" }
    region "us-phoenix-1" { country = "US" }
    region "us-sanjose-1" { country = "US" }
    region "us-chicago-1" { country = "US" }
    region "ca-toronto-1" { country = "CA" }
    region "ca-montreal-1" { country = "CA" }
    region "sa-saopaulo-1" { country = "BR" }
    region "sa-vinhedo-1" { country = "BR" }
    region "sa-santiago-1" { country = "CL" }
    region "sa-bogota-1" { country = "CO" }
    region "mx-queretaro-1" { country = "MX" }
    region "mx-monterrey-1" { country = "MX" }
    region "ap-tokyo-1" { country = "JP" }
    region "ap-osaka-1" { country = "JP" }
    region "ap-seoul-1" { country = "KR" }
    region "ap-chuncheon-1" { country = "KR" }
    region "ap-mumbai-1" { country = "IN" }
    region "ap-hyderabad-1" { country = "IN" }
    region "ap-sydney-1" { country = "AU" }
    region "ap-melbourne-1" { country = "AU" }
    region "ap-singapore-1" { country = "SG" }
    region "il-jerusalem-1" { country = "IL" }
    region "me-jeddah-1" { country = "SA" }
    region "me-riyadh-1" { country = "SA" }
    region "me-dubai-1" { country = "AE" }
    region "me-abudhabi-1" { country = "AE" }
    region "af-johannesburg-1" { country = "ZA" }

    # Public (oc1) regions the catalog lacked.
    region "af-casablanca-1" { country = "MA" }
    region "ap-batam-1" { country = "ID" }
    region "ap-delhi-1" { country = "IN" }
    region "ap-kulai-2" { country = "MY" }
    region "ap-singapore-2" { country = "SG" }
    region "sa-valparaiso-1" { country = "CL" }
    region "us-saltlake-2" { country = "US" }

    # Government and dedicated realms: still Oracle-operated, none in the EU.
    region "uk-gov-london-1" { country = "GB" }
    region "uk-gov-cardiff-1" { country = "GB" }
    region "us-langley-1" { country = "US" }
    region "us-somerset-1" { country = "US" }
    region "me-alrayyan-1" { country = "QA" }
    region "ap-chiyoda-1" { country = "JP" }
  }

  # "rating" is taken to be Ratingen (Germany): no source names the city.
  regions {
    source   = ["oci_go_sdk_regions"]
    as_of    = "2026-11-26"
    verified = "unverified"

    region "eu-dcc-rating-1" { country = "DE" }
    region "eu-dcc-rating-2" { country = "DE" }
  }

  variant "eu-sovereign" {
    name = "Oracle EU Sovereign Cloud (realm oc19)"
    when {
      region_pattern = "^eu-(frankfurt|madrid)-2$"
    }

    operator {
      name             = "Oracle's EU Sovereign Cloud subsidiaries (legal entities not established)"
      parent           = "Oracle Corporation"
      parent_country   = "US"
      eu_legal_control = "no"
      laws             = ["the US CLOUD Act through its US parent (disputed)"]
      note             = "EU-resident operations and staff, ultimately controlled by a US company"
      source           = ["oracle_epm_oc19", "sec_oracle"]
      as_of            = "2026-11-23"
      verified         = "secondary"
    }

    secnumcloud {
      status   = "not_qualified"
      note     = "Not in the ANSSI catalogue; a US parent fails SecNumCloud 3.2 §19.6"
      source   = ["anssi_catalogue", "snc_ref_32"]
      as_of    = "2026-09-26"
      verified = "secondary"
    }

    regions {
      source   = ["oracle_epm_oc19"]
      as_of    = "2026-11-23"
      verified = "primary"

      region "eu-frankfurt-2" {
        name    = "EU Sovereign Central (Frankfurt)"
        country = "DE"
      }
      region "eu-madrid-2" {
        name    = "EU Sovereign South (Madrid)"
        country = "ES"
      }
    }
  }
}
