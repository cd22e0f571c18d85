# Cloud Temple through Cloud-Temple/cloudtemple. The provider has no region
# argument and resources name their placement by opaque IDs: every resource
# lands in the catalog's default location, region FR1 (three sites in the
# Paris area), the only region Cloud Temple documents.

source "tf_cloudtemple_index" {
  title  = "Cloud-Temple/terraform-provider-cloudtemple provider documentation (address, api_suffix; no region argument)"
  repo   = "Cloud-Temple/terraform-provider-cloudtemple"
  path   = "docs/index.md"
  commit = "03a0b92a4e35125d24670a38a44c7c4ec3a69f3f"
  date   = "2026-07-17"
}

source "tf_cloudtemple_resources" {
  title  = "Cloud-Temple/terraform-provider-cloudtemple resources: compute (VMware, IaaS open source), backup, object storage, public_cloud_vm (availability zones such as fr1-az01), vpc"
  repo   = "Cloud-Temple/terraform-provider-cloudtemple"
  path   = "docs/resources/public_cloud_vm_instance.md"
  commit = "03a0b92a4e35125d24670a38a44c7c4ec3a69f3f"
  date   = "2026-07-17"
}

source "ct_docs_regions" {
  title = "Cloud Temple documentation: regional concepts (region FR1, three sites in the Paris area more than 30 km apart)"
  repo  = "Cloud-Temple/docs"
  path  = "i18n/en/docusaurus-plugin-content-docs/current/additional_content/concepts_regional.md"
  date  = "2024-01"
}

source "ct_docs_oss" {
  title = "Cloud Temple documentation, Object Storage quickstart: the object storage service is 'qualifié SecNumCloud' (oss.md has a 'Qualification SecNumCloud' section)"
  url   = "https://github.com/Cloud-Temple/docs/blob/main/docs/storage/oss/quickstart.md"
  date  = "2026-08-20"
}

source "ct_docs_vpc" {
  title = "Cloud Temple documentation, VPC concepts: VPC is 'en cours de qualification SecNumCloud', the only service of the docs still shown so"
  url   = "https://github.com/Cloud-Temple/docs/blob/main/docs/network/vpc/concepts.md"
  date  = "2026-08-20"
}

source "csf_cloudtemple" {
  title = "Cloud sovereignty provider card: Cloud Temple (Cloud Temple SAS, Puteaux; Neurones SA)"
  url   = "https://csf.hop3.abilian.com/providers/cloud-temple.html"
  date  = "2026"
}

provider "cloudtemple" {
  name     = "Cloud Temple"
  registry = ["Cloud-Temple/cloudtemple"]

  location {
    # Only the read-only availability zone name says where a Public Cloud
    # VM is ("fr1-az01"); it is known after the first apply.
    resource_attributes = ["availability_zone_name"]
    zone_patterns       = ["^(fr\\d+)-az\\d+$"]
    env                 = ["CLOUDTEMPLE_HTTP_ADDR"]
  }

  tags {
    # A map on compute resources (cloudtemple_compute_*).
    resource_attributes = ["tags"]
  }

  operator {
    name             = "Cloud Temple SAS"
    country          = "FR"
    parent           = "Neurones SA"
    parent_country   = "FR"
    eu_legal_control = "yes"
    source           = ["csf_cloudtemple", "anssi_3389", "snc_ref_32"]
    as_of            = "2026-09"
    verified         = "secondary"
  }

  # The qualification covers the VMware and open-source IaaS, their backup
  # and object storage (Cloud Temple's docs call it qualified; a transcription
  # of the catalogue lists S3 in the perimeter too). The Public Cloud VM
  # service and the VPC (shown as in progress by Cloud Temple's docs) are not
  # named in it: they fall to the default.
  offer "secure-temple-iaas" {
    name           = "Secure Temple IaaS (VMware and open-source IaaS, backup, object storage)"
    status         = "qualified"
    resource_types = ["cloudtemple_compute_*", "cloudtemple_backup_*", "cloudtemple_object_storage_*"]
    qualified_from = "2026-07-31"
    valid_until    = "2028-05-30"
    decision       = "3389"
    note           = "Decision and dates read through public transcriptions of the ANSSI catalogue of 15/09/2026 (hence secondary); the decision of 31/07/2026 looks like a renewal or scope extension of a qualification first reported in 2022. Object storage is in the perimeter per Cloud Temple's own documentation"
    source         = ["anssi_3389", "ct_docs_oss"]
    as_of          = "2026-11-26"
    verified       = "secondary"
  }

  offer "openshift-paas" {
    name           = "PaaS OpenShift (Red Hat OpenShift)"
    status         = "qualified"
    listed_only    = true
    qualified_from = "2025-05-30"
    valid_until    = "2028-05-30"
    decision       = "919"
    note           = "Managed outside the cloudtemple provider's resources; read through public transcriptions of the ANSSI catalogue of 15/09/2026"
    source         = ["anssi_919"]
    as_of          = "2026-09-26"
    verified       = "secondary"
  }

  secnumcloud {
    status   = "unknown"
    note     = "Public Cloud VMs, VPC (in progress per Cloud Temple's docs) and other services are not established as qualified"
    source   = ["anssi_3389", "ct_docs_vpc"]
    as_of    = "2026-09-26"
    verified = "secondary"
  }

  default_region = "fr1"

  # What schemes other than SecNumCloud say of the offering (SOV007).
  certification "eu-csf-card" {
    scheme         = "eu-csf"
    level          = "SEAL-3"
    status         = "unknown"
    scheme_version = "1.2.1"
    issuer         = "csf.hop3.abilian.com (third-party scoring, not the Commission)"
    note           = "A third-party card scores the provider SEAL-3 overall (its lowest objective). No tender's assessment is public: whether a SEAL is held is not established"
    source         = ["csf_cloudtemple"]
    as_of          = "2026-11-26"
    verified       = "secondary"
  }

  regions {
    source   = ["ct_docs_regions", "tf_cloudtemple_index", "tf_cloudtemple_resources"]
    as_of    = "2026-07-17"
    verified = "secondary"

    region "fr1" {
      name    = "FR1 (three sites in the Paris area)"
      country = "FR"
    }
  }
}
