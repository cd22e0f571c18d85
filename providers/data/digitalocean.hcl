# DigitalOcean through digitalocean/digitalocean. The provider block has no
# region: every regional resource names its own slug.

source "tf_do_docs" {
  title  = "digitalocean/terraform-provider-digitalocean documentation (region slugs)"
  repo   = "digitalocean/terraform-provider-digitalocean"
  path   = "docs/"
  commit = "401992a1e493a0e3cfc833197820867991fc011f"
  date   = "2026-08-06"
}

source "sec_digitalocean" {
  title = "US SEC EDGAR filings of DigitalOcean Holdings, Inc. (Delaware; annual reports 10-K)"
  url   = "https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=0001582961&type=10-K"
  date  = "2026"
}

source "godo_hosted_agent_regions" {
  title = "digitalocean/godo v1.237.0 hosted_agent_regions.go: datacenter slug ric1 (Richmond, Virginia)"
  url   = "https://github.com/digitalocean/godo/blob/v1.237.0/hosted_agent_regions.go"
  date  = "2026-11-10"
}

provider "digitalocean" {
  name     = "DigitalOcean"
  registry = ["digitalocean/digitalocean"]

  location {
    resource_attributes = ["region"]
  }

  tags {
    # DigitalOcean tags are plain strings; "key:value" is a convention.
    resource_attributes = ["tags"]
  }

  operator {
    name             = "DigitalOcean, LLC"
    country          = "US"
    parent           = "DigitalOcean Holdings, Inc."
    parent_country   = "US"
    eu_legal_control = "no"
    laws             = ["the US CLOUD Act", "FISA section 702"]
    source           = ["sec_digitalocean", "us_cloud_act"]
    as_of            = "2026-11-26"
    verified         = "secondary"
  }

  secnumcloud {
    status   = "not_qualified"
    source   = ["anssi_catalogue", "snc_ref_32"]
    as_of    = "2026-09-26"
    verified = "secondary"
  }

  global_service "DigitalOcean account-wide resources (DNS, SSH keys, projects, certificates, CDN, cloud firewalls)" {
    resource_types = [
      "digitalocean_domain", "digitalocean_record", "digitalocean_ssh_key", "digitalocean_project*",
      "digitalocean_certificate", "digitalocean_cdn", "digitalocean_firewall", "digitalocean_tag",
    ]
    source   = ["tf_do_docs"]
    as_of    = "2026-09"
    verified = "unverified"
  }

  regions {
    source   = ["tf_do_docs"]
    as_of    = "2026-08-06"
    verified = "secondary"

    region "ams3" {
      name    = "Amsterdam"
      country = "NL"
    }
    region "fra1" {
      name    = "Frankfurt"
      country = "DE"
    }
    region "lon1" {
      name    = "London"
      country = "GB"
    }
    region "nyc1" { country = "US" }
    region "nyc2" { country = "US" }
    region "nyc3" { country = "US" }
    region "sfo2" { country = "US" }
    region "sfo3" { country = "US" }
    region "atl1" { country = "US" }
    region "tor1" { country = "CA" }
    region "sgp1" { country = "SG" }
    region "blr1" { country = "IN" }
    region "syd1" { country = "AU" }
  }

  regions {
    source   = ["godo_hosted_agent_regions"]
    as_of    = "2026-11-26"
    verified = "secondary"

    region "ric1" {
      name    = "Richmond, Virginia"
      country = "US"
    }
  }
}
