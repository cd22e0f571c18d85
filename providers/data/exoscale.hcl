# Exoscale through exoscale/exoscale. Every resource names its zone, which
# is the location: there is no region above it. The operator is Swiss and,
# through A1 Group, ultimately controlled by América Móvil (Mexico).

source "tf_exoscale_config" {
  title  = "exoscale/terraform-provider-exoscale zone list (var Zones)"
  repo   = "exoscale/terraform-provider-exoscale"
  path   = "pkg/config/config.go"
  commit = "b692022e3351d6a6f328655586742f7921e75043"
  date   = "2026-08-12"
}

source "exoscale_dpa" {
  title = "Exoscale Data Processing Agreement (Akenes SA, Lausanne)"
  url   = "https://www.exoscale.com/dpa/"
  date  = "2025-05-05"
}

source "trend_exoscale_a1" {
  title = "trend.at: Europäische Hochrechnung (Exoscale gehört zur A1 Group)"
  url   = "https://www.trend.at/tech/europaische-hochrechnung"
  date  = "2026"
}

source "pepin_exoscale" {
  title = "Pépin provider descriptor for Exoscale: América Móvil holds 60.8% and ÖBAG 28.4% of A1 Telekom Austria (figures of 09/2025, citing newsroom.a1.com)"
  url   = "https://github.com/stephrobert/pepin/blob/main/providers/exoscale.yaml"
  date  = "2026-08-21"
}

source "totaltele_amx" {
  title = "Total Telecom: América Movil ups stake in A1 Telekom Austria (56.55%)"
  url   = "https://totaltele.com/america-movil-ups-stake-in-a1-telekom-austria/"
  date  = "2023-07-26"
}

provider "exoscale" {
  name     = "Exoscale"
  registry = ["exoscale/exoscale"]

  location {
    resource_attributes = ["zone"]
  }

  tags {
    resource_attributes = ["labels"]
  }

  operator {
    name             = "Akenes SA (Exoscale)"
    country          = "CH"
    parent           = "América Móvil, S.A.B. de C.V., through A1 Group (A1 Telekom Austria)"
    parent_country   = "MX"
    eu_legal_control = "no"
    laws             = ["Swiss law", "control by a Mexican group"]
    note             = "América Móvil holds 60.8% of A1 Telekom Austria and the Austrian state holding ÖBAG 28.4% (09/2025; 56.55% for América Móvil in 2023)"
    source           = ["exoscale_dpa", "trend_exoscale_a1", "pepin_exoscale", "totaltele_amx"]
    as_of            = "2026-11-26"
    verified         = "secondary"
  }

  secnumcloud {
    status   = "not_qualified"
    source   = ["anssi_catalogue"]
    as_of    = "2026-09-26"
    verified = "secondary"
  }

  global_service "Exoscale organisation-wide resources (IAM, security groups, SSH keys, anti-affinity groups, DNS)" {
    resource_types = [
      "exoscale_iam_*", "exoscale_security_group", "exoscale_security_group_rule", "exoscale_ssh_key",
      "exoscale_anti_affinity_group", "exoscale_domain*",
    ]
    note     = "These resources take no zone argument"
    source   = ["tf_exoscale_config"]
    as_of    = "2026-11-23"
    verified = "unverified"
  }

  regions {
    source   = ["tf_exoscale_config"]
    as_of    = "2026-08-12"
    verified = "primary"

    region "ch-gva-2" {
      name    = "Geneva"
      country = "CH"
    }
    region "ch-dk-2" {
      name    = "Zurich"
      country = "CH"
    }
    region "at-vie-1" {
      name    = "Vienna"
      country = "AT"
    }
    region "at-vie-2" {
      name    = "Vienna"
      country = "AT"
    }
    region "de-fra-1" {
      name    = "Frankfurt"
      country = "DE"
    }
    region "de-muc-1" {
      name    = "Munich"
      country = "DE"
    }
    region "bg-sof-1" {
      name    = "Sofia"
      country = "BG"
    }
    region "hr-zag-1" {
      name    = "Zagreb"
      country = "HR"
    }
  }
}
