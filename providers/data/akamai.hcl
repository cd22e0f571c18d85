# Akamai Cloud (formerly Linode) through linode/linode. Instances and most
# resources name their region ("fr-par", "eu-central"); object storage
# buckets name a cluster ("fr-par-1"), which is a zone of the region.

source "linode_manager_regions" {
  title  = "linode/manager cached region list: core and edge regions with their id, label and country"
  repo   = "linode/manager"
  path   = "packages/manager/src/cachedData/regions.json"
  commit = "0085711c3f84172ba1f46c2dc7f068716812159f"
  date   = "2026"
}

source "tf_linode_instance" {
  title = "terraform-provider-linode documentation: linode_instance region, linode_object_storage_bucket region and cluster"
  url   = "https://registry.terraform.io/providers/linode/linode/latest/docs/resources/instance"
  date  = "2026"
}

source "sec_akamai" {
  title = "US SEC EDGAR filings of Akamai Technologies, Inc. (Delaware; annual reports 10-K; acquired Linode in 2022)"
  url   = "https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=0001086222&type=10-K"
  date  = "2026"
}

provider "linode" {
  name     = "Akamai Cloud (Linode)"
  registry = ["linode/linode"]

  location {
    resource_attributes = ["region", "cluster"]
    zone_patterns       = ["^([a-z]{2}-[a-z]+)-\\d+$"] # fr-par-1 → fr-par
    env                 = ["LINODE_URL"]
  }

  tags {
    resource_attributes = ["tags"]
  }

  operator {
    name             = "Akamai Technologies, Inc. (Linode LLC)"
    country          = "US"
    parent           = "Akamai Technologies, Inc."
    parent_country   = "US"
    eu_legal_control = "no"
    laws             = ["the US CLOUD Act", "FISA section 702"]
    note             = "Linode was acquired by Akamai in 2022; the entity name is not checked against Akamai's current terms"
    source           = ["sec_akamai", "us_cloud_act"]
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

  regions {
    source   = ["linode_manager_regions", "tf_linode_instance"]
    as_of    = "2026-11-26"
    verified = "primary"

    region "fr-par" {
      name    = "Paris, FR"
      country = "FR"
    }
    region "eu-central" {
      name    = "Frankfurt, DE"
      country = "DE"
    }
    region "nl-ams" {
      name    = "Amsterdam, NL"
      country = "NL"
    }
    region "se-sto" {
      name    = "Stockholm, SE"
      country = "SE"
    }
    region "es-mad" {
      name    = "Madrid, ES"
      country = "ES"
    }
    region "it-mil" {
      name    = "Milan, IT"
      country = "IT"
    }
    region "eu-west" {
      name    = "London, UK"
      country = "GB"
    }
    region "us-east" {
      name    = "Newark, NJ"
      country = "US"
    }
    region "us-central" {
      name    = "Dallas, TX"
      country = "US"
    }
    region "us-west" {
      name    = "Fremont, CA"
      country = "US"
    }
    region "us-southeast" {
      name    = "Atlanta, GA"
      country = "US"
    }
    region "us-iad" {
      name    = "Washington, DC"
      country = "US"
    }
    region "us-ord" {
      name    = "Chicago, IL"
      country = "US"
    }
    region "us-sea" {
      name    = "Seattle, WA"
      country = "US"
    }
    region "us-mia" {
      name    = "Miami, FL"
      country = "US"
    }
    region "us-lax" {
      name    = "Los Angeles, CA"
      country = "US"
    }
    region "ca-central" {
      name    = "Toronto, CA"
      country = "CA"
    }
    region "br-gru" {
      name    = "Sao Paulo, BR"
      country = "BR"
    }
    region "ap-west" {
      name    = "Mumbai, IN"
      country = "IN"
    }
    region "in-maa" {
      name    = "Chennai, IN"
      country = "IN"
    }
    region "ap-south" {
      name    = "Singapore, SG"
      country = "SG"
    }
    region "ap-southeast" {
      name    = "Sydney, AU"
      country = "AU"
    }
    region "ap-northeast" {
      name    = "Tokyo, JP"
      country = "JP"
    }
    region "jp-osa" {
      name    = "Osaka, JP"
      country = "JP"
    }
    region "id-cgk" {
      name    = "Jakarta, ID"
      country = "ID"
    }
  }
}
