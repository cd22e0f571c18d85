# OpenStack through terraform-provider-openstack/openstack. Anyone can run
# an OpenStack cloud, so the provider alone says nothing about who operates
# it or where: the catalog knows the public clouds it can recognise by their
# identity endpoint (auth_url), and users declare their own cloud in
# .sovlint.hcl, for instance:
#
#   provider "openstack" {
#     variant "acme" {
#       name = "ACME private cloud"
#       when {
#         attribute = "auth_url"
#         matches   = "^https://keystone\\.acme\\.example/"
#       }
#       operator { … }
#       secnumcloud { … }
#       regions { region "RegionOne" { country = "FR" } }
#     }
#   }

source "tf_openstack_index" {
  title = "terraform-provider-openstack/openstack provider documentation (auth_url, region, cloud; OS_AUTH_URL, OS_REGION_NAME, OS_CLOUD)"
  url   = "https://registry.terraform.io/providers/terraform-provider-openstack/openstack/latest/docs"
  date  = "2026"
}

source "ovh_openstack_public_code" {
  title = "Public Terraform code configuring the openstack provider for OVHcloud Public Cloud: auth_url https://auth.cloud.ovh.net/v3/, regions such as GRA9"
  repo  = "cycloid-community-catalog/onboarding-stacks-europe"
  path  = "stack-k3s-europe/terraform/ovh/module-compute/provider.tf"
  date  = "2026"
}

provider "openstack" {
  name     = "OpenStack (any operator)"
  registry = ["terraform-provider-openstack/openstack"]

  location {
    # availability_zone in OpenStack is an operator-defined name ("nova"),
    # not a location.
    resource_attributes = ["region"]
    provider_attributes = ["region"]
    zone_patterns = [
      "^([a-z]+)\\d+$",                # OVH GRA11 → gra
      "^(eu-[a-z]{2}\\d?)-\\d{2}$",    # OTC eu-de-01 → eu-de
      "^([a-z]{2}-[a-z]+-[a-z]+)-[a-z]$", # OVH eu-west-par-a → eu-west-par
    ]
    env = ["OS_REGION_NAME", "OS_AUTH_URL", "OS_CLOUD (clouds.yaml)"]
  }

  tags {
    resource_attributes = ["tags", "metadata"]
  }

  operator {
    name             = "Operator of this OpenStack cloud (not known to the catalog)"
    eu_legal_control = "unknown"
    note             = "Declare the cloud (its auth_url, operator and regions) in .sovlint.hcl"
    source           = ["tf_openstack_index"]
    as_of            = "2026-11-23"
    verified         = "primary"
  }

  secnumcloud {
    status   = "unknown"
    source   = ["tf_openstack_index"]
    as_of    = "2026-11-23"
    verified = "primary"
  }

  variant "ovh-public-cloud" {
    name = "OVHcloud Public Cloud (OpenStack API)"
    when {
      attribute = "auth_url"
      matches   = "^https://auth\\.cloud\\.ovh\\.net(/|$)"
    }

    operator {
      name             = "OVH SAS"
      country          = "FR"
      parent           = "OVH Groupe SA (Klaba family majority)"
      parent_country   = "FR"
      eu_legal_control = "yes"
      source           = ["csf_ovh", "ovh_openstack_public_code"]
      as_of            = "2026-09"
      verified         = "secondary"
    }

    secnumcloud {
      status   = "not_qualified"
      note     = "OVHcloud Public Cloud is not in the ANSSI catalogue"
      source   = ["anssi_catalogue"]
      as_of    = "2026-09-26"
      verified = "secondary"
    }

    regions {
      source   = ["tf_ovh_docs", "sccrawler_ovh"]
      as_of    = "2026-08-21"
      verified = "secondary"

      region "gra" { country = "FR" }
      region "sbg" { country = "FR" }
      region "rbx" { country = "FR" }
      region "eu-west-par" {
        country = "FR"
        zones   = ["eu-west-par-a", "eu-west-par-b", "eu-west-par-c"]
      }
      region "de" { country = "DE" }
      region "uk" { country = "GB" }
      region "waw" { country = "PL" }
      region "eu-south-mil" {
        country = "IT"
        zones   = ["eu-south-mil-a", "eu-south-mil-b", "eu-south-mil-c"]
      }
      region "bhs" { country = "CA" }
      region "sgp" { country = "SG" }
      region "syd" { country = "AU" }
    }
  }

  variant "ovh-us-public-cloud" {
    name = "OVHcloud US Public Cloud (OpenStack API)"
    when {
      attribute = "auth_url"
      matches   = "^https://auth\\.cloud\\.ovh\\.us(/|$)"
    }

    operator {
      name             = "OVH US LLC"
      country          = "US"
      parent           = "OVH Groupe SA"
      parent_country   = "FR"
      eu_legal_control = "no"
      laws             = ["US law, including the CLOUD Act, as a US company"]
      source           = ["ovh_us_llc"]
      as_of            = "2026-08-21"
      verified         = "primary"
    }

    secnumcloud {
      status   = "not_qualified"
      source   = ["anssi_catalogue"]
      as_of    = "2026-09-26"
      verified = "secondary"
    }

    regions {
      source   = ["sccrawler_ovh"]
      as_of    = "2026-07-24"
      verified = "secondary"
      region "us-east-va" { country = "US" }
      region "us-west-or" { country = "US" }
    }
  }

  variant "infomaniak-public-cloud" {
    name = "Infomaniak Public Cloud (OpenStack API)"
    when {
      attribute = "auth_url"
      matches   = "^https://api\\.pub\\d+\\.infomaniak\\.cloud(/|$)"
    }

    operator {
      name             = "Infomaniak Network SA"
      country          = "CH"
      eu_legal_control = "no"
      laws             = ["Swiss law"]
      source           = ["sovsky_infomaniak"]
      as_of            = "2026-11-23"
      verified         = "unverified"
    }

    secnumcloud {
      status   = "not_qualified"
      source   = ["anssi_catalogue"]
      as_of    = "2026-09-26"
      verified = "secondary"
    }

    # The region codes were seen in public configurations of this
    # auth_url, not in an Infomaniak document.
    regions {
      source   = ["sovsky_infomaniak"]
      as_of    = "2026-11-23"
      verified = "unverified"
      region "dc3-a" {
        name    = "Geneva (DC3)"
        country = "CH"
      }
      region "dc4-a" {
        name    = "Switzerland (DC4)"
        country = "CH"
      }
    }
  }

  variant "open-telekom-cloud" {
    name = "Open Telekom Cloud (OpenStack API)"
    when {
      attribute = "auth_url"
      matches   = "^https://iam\\.eu-(de|nl)\\.otc\\.t-systems\\.com(/|$)"
    }

    operator {
      name             = "T-Systems International GmbH"
      country          = "DE"
      parent           = "Deutsche Telekom AG"
      parent_country   = "DE"
      eu_legal_control = "yes"
      note             = "The German state (directly and through KfW) is Deutsche Telekom's largest shareholder, with 27.8%"
      source           = ["otc_regions_doc", "telekom_ar2024_shareholders"]
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
      source   = ["otc_regions_doc"]
      as_of    = "2026-09"
      verified = "primary"
      region "eu-de" {
        country = "DE"
        zones   = ["eu-de-01", "eu-de-02", "eu-de-03"]
      }
      region "eu-nl" {
        country = "NL"
        zones   = ["eu-nl-01", "eu-nl-02", "eu-nl-03"]
      }
    }
  }
}
