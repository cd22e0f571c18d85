# NumSpot, a French platform running on 3DS OUTSCALE infrastructure. The
# provider's numspot_host carries the region in its hostname
# (https://api.cloudgouv-eu-west-1.numspot.com). NumSpot's own "Plateforme
# des services cloud" is SecNumCloud-qualified (IaaS only) since 31/07/2026,
# in a perimeter no public source states by region.

source "numspot_sdk" {
  title  = "numspot/terraform-provider-numspot SDK client (regions and availability zones)"
  repo   = "numspot/terraform-provider-numspot"
  path   = "internal/sdk/api/numspot-client.go"
  commit = "77c2652f14ba852433e9029271014d7405f3a6b6"
  date   = "2026-04-08"
}

source "tf_numspot_index" {
  title  = "numspot/terraform-provider-numspot provider documentation (numspot_host, NUMSPOT_HOST)"
  repo   = "numspot/terraform-provider-numspot"
  path   = "docs/index.md"
  commit = "77c2652f14ba852433e9029271014d7405f3a6b6"
  date   = "2026-04-08"
}

source "csf_numspot" {
  title = "Cloud sovereignty provider card: NumSpot"
  url   = "https://csf.hop3.abilian.com/providers/numspot.html"
  date  = "2026"
}

source "lemagit_numspot_2025" {
  title = "LeMagIT: SecNumCloud, la sécurité physique, un volet incontournable selon NumSpot (NumSpot is an Outscale customer)"
  url   = "https://www.lemagit.fr/actualites/366630245/SecNumCloud-la-securite-physique-un-volet-incontournable-selon-NumSpot"
  date  = "2025-09-03"
}

provider "numspot" {
  name     = "NumSpot"
  registry = ["numspot/numspot"]

  location {
    # A VM says where it is in placement { availability_zone_name }, which
    # overrides the provider's region.
    resource_attributes = ["availability_zone_name", "availability_zone", "availability_zone_names", "placement.availability_zone_name"]
    # A public IP on its VM, a route table or NIC in its subnet.
    parent_attributes   = ["vm_id", "subnet_id", "volume_id", "nic_id", "vpc_id"]
    provider_attributes = ["numspot_host"]
    value_patterns = {
      "numspot_host" = "^(?:https?://)?api\\.([a-z0-9-]+)\\.numspot\\.com"
    }
    zone_patterns = ["^([a-z]+(?:-[a-z]+)*-\\d+)[a-z]$"]
    env           = ["NUMSPOT_HOST"]
  }

  tags {
    resource_attributes = ["tags"]
  }

  operator {
    name             = "NumSpot SAS"
    country          = "FR"
    parent           = "Banque des Territoires (Caisse des Dépôts), Docaposte, Dassault Systèmes, Bouygues Telecom"
    parent_country   = "FR"
    eu_legal_control = "yes"
    note             = "Runs on 3DS OUTSCALE infrastructure and owns no data centre"
    source           = ["csf_numspot", "lemagit_numspot_2025", "anssi_3395", "snc_ref_32"]
    as_of            = "2026-09"
    verified         = "secondary"
  }

  # ANSSI qualified NumSpot's IaaS (decision 3395), but no public source
  # says which of NumSpot's regions it covers: the region was only inferred
  # from NumSpot's code, and a verdict must not pass on an inference. The
  # status stays unknown until a source (or the user's contract, declared in
  # .sovlint.hcl) gives the perimeter.
  offer "platform-iaas" {
    name           = "NumSpot Plateforme des services cloud (IaaS)"
    status         = "unknown"
    regions        = ["cloudgouv-eu-west-1"]
    resource_types = [
      "numspot_vm", "numspot_volume", "numspot_snapshot", "numspot_image", "numspot_keypair", "numspot_nic",
      "numspot_vpc", "numspot_subnet", "numspot_security_group", "numspot_route_table", "numspot_internet_gateway",
      "numspot_nat_gateway", "numspot_public_ip", "numspot_load_balancer", "numspot_virtual_gateway",
      "numspot_client_gateway", "numspot_vpn_connection", "numspot_flexible_gpu", "numspot_vpc_peering",
    ]
    decision       = "3395"
    note           = "ANSSI decision 3395 qualifies NumSpot's IaaS from 2026-07-31 to 2029-07-31 (read through transcriptions of the 15/09/2026 catalogue). Its region is not stated in any public source found: cloudgouv-eu-west-1, the SecNumCloud region of NumSpot's OUTSCALE host, is an inference, so the status here is unknown. NumSpot also depends on that host, whose own qualification (decision 2118) ends on 2026-11-30"
    source         = ["anssi_3395", "lemagit_numspot_2025", "numspot_sdk"]
    as_of          = "2026-11-26"
    verified       = "secondary"
  }

  secnumcloud {
    status   = "unknown"
    note     = "Services outside the qualified IaaS, and the eu-west-2 region, are not established either way"
    source   = ["anssi_3395"]
    as_of    = "2026-09-26"
    verified = "secondary"
  }

  # What schemes other than SecNumCloud say of the offering (SOV007).
  certification "eu-csf-card" {
    scheme         = "eu-csf"
    level          = "SEAL-3"
    status         = "unknown"
    scheme_version = "1.2.1"
    issuer         = "csf.hop3.abilian.com (third-party scoring, not the Commission)"
    note           = "A third-party card scores the provider SEAL-3 overall (its lowest objective). No tender's assessment is public: whether a SEAL is held is not established"
    source         = ["csf_numspot"]
    as_of          = "2026-11-26"
    verified       = "secondary"
  }

  regions {
    source   = ["numspot_sdk", "tf_numspot_index"]
    as_of    = "2026-04-08"
    verified = "primary"

    region "cloudgouv-eu-west-1" {
      name    = "France (SecNumCloud region of the Outscale host)"
      country = "FR"
      zones   = ["cloudgouv-eu-west-1a", "cloudgouv-eu-west-1b", "cloudgouv-eu-west-1c"]
    }
    region "eu-west-2" {
      name    = "France"
      country = "FR"
      zones   = ["eu-west-2a", "eu-west-2b", "eu-west-2c"]
    }
  }
}
