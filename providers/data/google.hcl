# Google Cloud through hashicorp/google and hashicorp/google-beta. The
# provider's universe_domain selects the operator: unset or googleapis.com is
# Google LLC, s3nsapis.fr is S3NS (Thales), any other universe is unknown.

source "sccrawler_gcp" {
  title  = "SpareCores sc-crawler GCP region → country table"
  repo   = "SpareCores/sc-crawler"
  path   = "src/sc_crawler/vendors/_gcp.py"
  commit = "4bcc0b18071228470757043ea20b823be2fca0bd"
  date   = "2026-07-24"
}

source "gcp_bucket_locations" {
  title = "Google Cloud Storage bucket locations: multi-regions (EU: data centres within EU member states), predefined dual-regions (ASIA1 Tokyo + Osaka, EUR4 Finland + Netherlands, NAM4 Iowa + South Carolina) and zonal locations such as US-CENTRAL1-A"
  url   = "https://docs.cloud.google.com/storage/docs/locations"
  date  = "2026"
}

source "gcp_interconnect_colocation" {
  title = "Google Cloud Interconnect, choosing colocation facilities: europe-north3 is the low-latency region of the Oslo facilities"
  url   = "https://docs.cloud.google.com/network-connectivity/docs/interconnect/concepts/choosing-colocation-facilities"
  date  = "2026"
}

source "gcp_global_resources" {
  title = "Google Cloud: global, regional and zonal resources"
  url   = "https://cloud.google.com/compute/docs/regions-zones/global-regional-zonal-resources"
  date  = "2026"
}

source "tf_google_universe_domain" {
  title = "terraform-provider-google provider reference: universe_domain"
  repo  = "modular-magician/terraform-provider-google-beta"
  path  = "website/docs/guides/provider_reference.html.markdown"
  date  = "2026"
}

source "gcp_scp_locations" {
  title = "Google Cloud Sovereign Controls by Partners locations (France Data Boundary by S3NS runs on public Google regions)"
  url   = "https://docs.cloud.google.com/sovereign-controls-by-partners/docs/locations"
  date  = "2026"
}

source "s3ns_key_differences" {
  title = "S3NS documentation: key differences of the Trusted Partner Cloud universe"
  url   = "https://documentation.s3ns.fr/docs/overview/tpc-key-differences"
  date  = "2026-07-17"
}

source "s3ns_regions_doc" {
  title = "S3NS documentation: locations (single region u-france-east1)"
  url   = "https://documentation.s3ns.fr/kms/docs/locations"
  date  = "2026"
}

source "genent_s3ns_2025" {
  title = "Génération NT: S3NS obtient la qualification SecNumCloud"
  url   = "https://www.generation-nt.com/actualites/s3ns-thales-google-secnumcloud-certification-anssi-2068299"
  date  = "2025-12-24"
}

source "itfb_s3ns_2026" {
  title = "IT for Business: S3NS obtient la certification SecNumCloud"
  url   = "https://www.itforbusiness.fr/s3ns-obtient-la-certification-secnumcloud-voila-qui-va-relancer-les-debats-98899"
  date  = "2026-01-05"
}

source "tf_google_sql_database_instance" {
  title = "terraform-provider-google google_sql_database_instance: settings { user_labels }"
  url   = "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance#user_labels-1"
  date  = "2026"
}

source "tf_google_container_cluster" {
  title = "terraform-provider-google google_container_cluster: resource_labels (the GCE resource labels of the cluster)"
  url   = "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#resource_labels-1"
  date  = "2026"
}

source "tf_google_cloud_run_service" {
  title = "terraform-provider-google google_cloud_run_service: metadata { labels }"
  url   = "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/cloud_run_service#labels-1"
  date  = "2026"
}

source "tf_google_sql_replica" {
  title = "terraform-provider-google google_sql_database_instance: master_instance_name, the instance this one replicates"
  url   = "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance#master_instance_name-1"
  date  = "2026"
}

provider "google" {
  name     = "Google Cloud"
  registry = ["hashicorp/google", "hashicorp/google-beta"]

  location {
    # `location` is a region, a zone or a multi-region depending on the
    # resource (GKE, GCS, BigQuery, KMS…).
    resource_attributes = ["region", "location", "zone"]
    # An object is in its bucket, a table in its dataset, a database in its
    # instance, a key in its key ring: before the provider's default region.
    # IAM bindings are on the key or bucket they name (crypto_key_id, bucket).
    parent_attributes   = ["bucket", "dataset_id", "instance", "key_ring", "crypto_key", "crypto_key_id", "cluster"]
    provider_attributes = ["region", "zone"]
    zone_patterns       = ["^([a-z]+-[a-z]+\\d+)-[a-z]$"]
    env                 = ["GOOGLE_REGION", "GCLOUD_REGION", "CLOUDSDK_COMPUTE_REGION", "GOOGLE_ZONE"]
  }

  tags {
    effective           = "terraform_labels"
    resource_attributes = ["labels"]
    provider_attributes = ["default_labels"]

    # Resource types whose labels are not a top-level `labels`.
    for_types {
      resource_types      = ["google_sql_database_instance"]
      resource_attributes = ["settings.user_labels"]
      source              = ["tf_google_sql_database_instance"]
      as_of               = "2026-11-26"
      verified            = "primary"
    }
    for_types {
      resource_types      = ["google_container_cluster"]
      resource_attributes = ["resource_labels"]
      source              = ["tf_google_container_cluster"]
      as_of               = "2026-11-26"
      verified            = "primary"
    }
    for_types {
      resource_types      = ["google_cloud_run_service", "google_cloud_run_domain_mapping"]
      resource_attributes = ["metadata.labels"]
      source              = ["tf_google_cloud_run_service"]
      as_of               = "2026-11-26"
      verified            = "primary"
    }
  }

  operator {
    name             = "Google LLC"
    country          = "US"
    parent           = "Alphabet Inc."
    parent_country   = "US"
    eu_legal_control = "no"
    laws             = ["the US CLOUD Act", "FISA section 702"]
    note             = "Includes the 'France Data Boundary by S3NS' controls on public regions: still Google LLC-operated"
    source           = ["gcp_scp_locations"]
    as_of            = "2026-09"
    verified         = "secondary"
  }

  secnumcloud {
    status   = "not_qualified"
    note     = "Public Google Cloud is absent from the ANSSI catalogue, including europe-west9 with partner controls"
    source   = ["anssi_catalogue", "gcp_scp_locations"]
    as_of    = "2026-09-26"
    verified = "secondary"
  }

  global_service "Google Cloud global resources (projects, IAM, DNS, global load balancing)" {
    resource_types = [
      "google_project", "google_project_*", "google_folder*", "google_organization*", "google_service_account*",
      "google_dns_*", "google_compute_global_*", "google_compute_url_map", "google_compute_target_https_proxy",
      "google_compute_target_http_proxy", "google_compute_ssl_certificate", "google_compute_network",
    ]
    source   = ["gcp_global_resources"]
    as_of    = "2026-09"
    verified = "unverified"
  }

  # What schemes other than SecNumCloud say of the offering (SOV007).
  certification "c5" {
    scheme   = "bsi-c5"
    status   = "certified"
    note     = "The source says Google Cloud holds C5 attestations, without their type, period or the services and regions in scope: unverified until those are read from the report, so no requirement passes on it. Declare the attestation your procurement checked, with its scope, in .sovlint.hcl"
    source   = ["c5_nexalign"]
    as_of    = "2026-11-26"
    verified = "unverified"
  }

  regions {
    source   = ["sccrawler_gcp"]
    as_of    = "2026-07-24"
    verified = "secondary"

    region "europe-west9" {
      name    = "Paris"
      country = "FR"
    }
    region "europe-west1" {
      name    = "Belgium"
      country = "BE"
    }
    region "europe-west3" {
      name    = "Frankfurt"
      country = "DE"
    }
    region "europe-west10" {
      name    = "Berlin"
      country = "DE"
    }
    region "europe-west4" {
      name    = "Netherlands"
      country = "NL"
    }
    region "europe-west8" {
      name    = "Milan"
      country = "IT"
    }
    region "europe-west12" {
      name    = "Turin"
      country = "IT"
    }
    region "europe-southwest1" {
      name    = "Madrid"
      country = "ES"
    }
    region "europe-central2" {
      name    = "Warsaw"
      country = "PL"
    }
    region "europe-north1" {
      name    = "Finland"
      country = "FI"
    }
    region "europe-north2" {
      name    = "Stockholm"
      country = "SE"
    }
    region "europe-west2" {
      name    = "London"
      country = "GB"
    }
    region "europe-west6" {
      name    = "Zurich"
      country = "CH"
    }
    region "me-central1" { country = "QA" }
    region "me-central2" { country = "SA" }
    region "me-west1" { country = "IL" }
    region "africa-south1" { country = "ZA" }
    region "asia-east1" { country = "TW" }
    region "asia-east2" { country = "HK" }
    region "asia-northeast1" { country = "JP" }
    region "asia-northeast2" { country = "JP" }
    region "asia-northeast3" { country = "KR" }
    region "asia-south1" { country = "IN" }
    region "asia-south2" { country = "IN" }
    region "asia-southeast1" { country = "SG" }
    region "asia-southeast2" { country = "ID" }
    region "asia-southeast3" { country = "TH" }
    region "australia-southeast1" { country = "AU" }
    region "australia-southeast2" { country = "AU" }
    region "northamerica-northeast1" { country = "CA" }
    region "northamerica-northeast2" { country = "CA" }
    region "northamerica-south1" { country = "MX" }
    region "southamerica-east1" { country = "BR" }
    region "southamerica-west1" { country = "CL" }
    region "us-central1" { country = "US" }
    region "us-east1" { country = "US" }
    region "us-east4" { country = "US" }
    region "us-east5" { country = "US" }
    region "us-south1" { country = "US" }
    region "us-west1" { country = "US" }
    region "us-west2" { country = "US" }
    region "us-west3" { country = "US" }
    region "us-west4" { country = "US" }
  }

  # Zonal bucket locations ("US-CENTRAL1-A") need no entry: the zone
  # pattern maps them to their region.
  regions {
    source   = ["gcp_bucket_locations"]
    as_of    = "2026-11-26"
    verified = "primary"

    region "eu" {
      name    = "EU multi-region (GCS, BigQuery)"
      country = "EU"
      note    = "Data stays within EU member states; the exact data centres vary"
    }
    region "us" {
      name    = "US multi-region"
      country = "US"
    }
    region "eur4" {
      name      = "Dual-region Finland + Netherlands"
      countries = ["FI", "NL"]
    }
    region "nam4" {
      name    = "Dual-region Iowa + South Carolina"
      country = "US"
    }
    region "asia1" {
      name    = "Dual-region Tokyo + Osaka"
      country = "JP"
    }
    region "global" {
      name   = "Global location"
      global = true
    }
  }

  replication "Cloud SQL replica" {
    resource_types   = ["google_sql_database_instance"]
    source_reference = "master_instance_name"
    source           = ["tf_google_sql_replica"]
    as_of            = "2026-11-26"
    verified         = "primary"
  }

  regions {
    source   = ["gcp_interconnect_colocation"]
    as_of    = "2026-11-26"
    verified = "secondary"

    region "europe-north3" {
      name    = "Oslo"
      country = "NO"
      note    = "Norway is in the EEA, not the EU. The city comes from the Interconnect colocation table, not from a region list"
    }
  }

  replication "Cloud Storage dual-region placement" {
    resource_types = ["google_storage_bucket"]
    path           = "custom_placement_config.data_locations"
    note           = "A configurable dual-region bucket stores every object in both listed regions"
    source         = ["gcp_bucket_locations"]
    as_of          = "2026-11-23"
    verified       = "secondary"
  }

  variant "s3ns" {
    name = "S3NS Cloud de Confiance (PREMI3NS)"
    when {
      attribute = "universe_domain"
      equals    = ["s3nsapis.fr"]
    }

    operator {
      name             = "S3NS SAS"
      country          = "FR"
      parent           = "Thales SA (majority; Google a minority shareholder)"
      parent_country   = "FR"
      eu_legal_control = "yes"
      note             = "Runs Google technology; updates are vetted by S3NS before deployment"
      source           = ["genent_s3ns_2025", "itfb_s3ns_2026", "anssi_2057", "snc_ref_32"]
      as_of            = "2026-01-05"
      verified         = "secondary"
    }

    # The qualification names Compute Engine, GKE, Cloud Storage, Cloud SQL
    # and BigQuery among its services; the full perimeter was not seen, so
    # everything else in the universe stays unknown (fail closed).
    offer "premi3ns" {
      name           = "S3NS PREMI3NS (Compute Engine, GKE, Cloud Storage, Cloud SQL, BigQuery)"
      status         = "qualified"
      resource_types = ["google_compute_*", "google_container_*", "google_storage_*", "google_sql_*", "google_bigquery_*"]
      qualified_from = "2025-12-17"
      valid_until    = "2028-12-17"
      decision       = "2057"
      note           = "SecNumCloud 3.2, catalogue entry 'Thales Cloud Sécurisé / Cloud de confiance S3NS'; decision and dates read through public transcriptions of the ANSSI catalogue of 15/09/2026 (hence secondary), the qualification itself reported by the press"
      source         = ["anssi_2057", "genent_s3ns_2025", "itfb_s3ns_2026"]
      as_of          = "2026-09-26"
      verified       = "secondary"
    }

    secnumcloud {
      status   = "unknown"
      note     = "Services outside the press-listed PREMI3NS perimeter"
      source   = ["anssi_2057"]
      as_of    = "2026-09-26"
      verified = "secondary"
    }

    regions {
      source   = ["s3ns_regions_doc", "s3ns_key_differences"]
      as_of    = "2026-07-17"
      verified = "primary"
      region "u-france-east1" {
        name    = "S3NS France (Paris area)"
        country = "FR"
        zones   = ["u-france-east1-a", "u-france-east1-b", "u-france-east1-c"]
        aliases = ["global"]
        note    = "The universe has one region: `global` is the same place"
      }
    }
  }

  variant "other-universe" {
    name = "Google Cloud universe unknown to the catalog"
    when {
      attribute = "universe_domain"
      not_in    = ["googleapis.com", "s3nsapis.fr"]
    }

    operator {
      name             = "Unknown operator of a non-default Google Cloud universe"
      eu_legal_control = "unknown"
      note             = "Declare the universe in .sovlint.hcl to have it checked"
      source           = ["tf_google_universe_domain"]
      as_of            = "2026-09"
      verified         = "secondary"
    }

    secnumcloud {
      status   = "unknown"
      source   = ["tf_google_universe_domain"]
      as_of    = "2026-09"
      verified = "secondary"
    }
  }
}
