# Hetzner Cloud through hetznercloud/hcloud. Resources name a location
# ("fsn1"), a data centre ("fsn1-dc14"), or for networks a network zone
# ("eu-central") that spans several locations. `zone` in this provider is a
# DNS zone name, never a location.

source "tf_hcloud_docs" {
  title  = "hetznercloud/terraform-provider-hcloud documentation (location, datacenter, network_zone, home_location)"
  repo   = "hetznercloud/terraform-provider-hcloud"
  path   = "docs/"
  commit = "f81c9af4bfcc491f8b43f800c853fb77f8a7b792"
  date   = "2026-08-17"
}

source "sovsky_hetzner" {
  title  = "sovereignsky-site: Hetzner data centre locations and headquarters country"
  repo   = "terchris/sovereignsky-site"
  path   = "content/datacenters/hetzner/index.md"
  commit = "e5fe17a6e517cca31a0bd1e1a27b325e27ac7469"
  date   = "2025-12-19"
}

source "hetzner_privacy" {
  title = "Hetzner Online GmbH privacy notice: the controller is Hetzner Online GmbH, Industriestr. 25, 91710 Gunzenhausen, Germany"
  url   = "https://www.hetzner.com/privacy-policy-notice"
  date  = "2026"
}

provider "hcloud" {
  name     = "Hetzner Cloud"
  registry = ["hetznercloud/hcloud"]

  location {
    resource_attributes = ["location", "datacenter", "home_location", "network_zone"]
    # A load balancer's targets and services, a server's attachments.
    parent_attributes   = ["load_balancer_id", "server_id", "volume_id"]
    zone_patterns       = ["^([a-z]+\\d?)-dc\\d+$"]
  }

  tags {
    resource_attributes = ["labels"]
  }

  operator {
    name             = "Hetzner Online GmbH"
    country          = "DE"
    eu_legal_control = "yes"
    note             = "A German GmbH, also the contracting entity for the US and Singapore locations; no non-EU shareholder is reported in the documents cited"
    source           = ["hetzner_privacy", "sovsky_hetzner"]
    as_of            = "2026-11-26"
    verified         = "secondary"
  }

  secnumcloud {
    status   = "not_qualified"
    source   = ["anssi_catalogue"]
    as_of    = "2026-09-26"
    verified = "secondary"
  }

  global_service "Hetzner project-wide resources (DNS zones, SSH keys, firewalls, certificates, placement groups)" {
    resource_types = [
      "hcloud_zone", "hcloud_zone_*", "hcloud_ssh_key", "hcloud_firewall*", "hcloud_certificate",
      "hcloud_uploaded_certificate", "hcloud_managed_certificate", "hcloud_placement_group", "hcloud_rdns",
    ]
    source   = ["tf_hcloud_docs"]
    as_of    = "2026-09"
    verified = "unverified"
  }

  regions {
    source   = ["tf_hcloud_docs", "sovsky_hetzner"]
    as_of    = "2026-08-17"
    verified = "primary"

    region "fsn1" {
      name    = "Falkenstein"
      country = "DE"
      zones   = ["fsn1-dc14"]
    }
    region "nbg1" {
      name    = "Nuremberg"
      country = "DE"
      zones   = ["nbg1-dc3"]
    }
    region "hel1" {
      name    = "Helsinki"
      country = "FI"
      zones   = ["hel1-dc2"]
    }
    region "ash" {
      name    = "Ashburn, Virginia"
      country = "US"
      zones   = ["ash-dc1"]
    }
    region "hil" {
      name    = "Hillsboro, Oregon"
      country = "US"
      zones   = ["hil-dc1"]
    }
    region "sin" {
      name    = "Singapore"
      country = "SG"
      zones   = ["sin-dc1"]
    }
    region "eu-central" {
      name      = "Network zone eu-central (Falkenstein, Nuremberg, Helsinki)"
      countries = ["DE", "FI"]
    }
    region "us-east" {
      name    = "Network zone us-east"
      country = "US"
    }
    region "us-west" {
      name    = "Network zone us-west"
      country = "US"
    }
    region "ap-southeast" {
      name    = "Network zone ap-southeast"
      country = "SG"
    }
  }
}
