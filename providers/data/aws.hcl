# Amazon Web Services: the commercial partition, the China and GovCloud
# partitions, and the AWS European Sovereign Cloud (eusc-*), which has EU
# residency but a US parent.

source "awsjs_partitions" {
  title  = "aws/aws-sdk-js-v3 partitions.json (region → partition, region regexes)"
  repo   = "aws/aws-sdk-js-v3"
  path   = "packages/util-endpoints/src/lib/aws/partitions.json"
  commit = "685ff5d03588f81121c6fa9466771cd444492209"
  date   = "2026-08"
}

source "awsgo_partitions_v1_48" {
  title = "aws/aws-sdk-go-v2 v1.48.0 partitions.json: 36 commercial regions (including me-west-1 Middle East (Saudi Arabia) and sa-west-1 South America (Chile)) and the ISO partitions aws-iso, aws-iso-b, aws-iso-e (cloud.adc-e.uk) and aws-iso-f"
  url   = "https://github.com/aws/aws-sdk-go-v2/blob/v1.48.0/internal/endpoints/awsrulesfn/partitions.json"
  date  = "2026-11-10"
}

source "aws_contracting_party" {
  title = "AWS Contracting Party: the AWS entity each account contracts with, by account country"
  url   = "https://aws.amazon.com/legal/aws-contracting-party/"
  date  = "2026"
}

source "aws_customer_agreement_2019" {
  title = "AWS Customer Agreement (last updated 2019-04-30): since 2018-07-01 customers in Europe, the Middle East and Africa contract with AWS's European contracting party (section 14); copy on Docracy"
  url   = "https://www.docracy.com/0l6b9wo3ek3/aws-customer-agreement"
  date  = "2019-04-30"
}

source "sec_amazon" {
  title = "US SEC EDGAR filings of Amazon.com, Inc. (Delaware; annual reports 10-K naming Amazon Web Services as a segment)"
  url   = "https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=0001018724&type=10-K"
  date  = "2026"
}

source "us_cloud_act" {
  title = "US Department of Justice, CLOUD Act resources: US providers must disclose data in their possession, custody or control wherever it is stored"
  url   = "https://www.justice.gov/criminal/cloud-act-resources"
  date  = "2026"
}

source "sccrawler_aws" {
  title  = "SpareCores sc-crawler AWS region → country table"
  repo   = "SpareCores/sc-crawler"
  path   = "src/sc_crawler/vendors/_aws.py"
  commit = "4bcc0b18071228470757043ea20b823be2fca0bd"
  date   = "2026-07-24"
}

source "aws_global_services" {
  title = "AWS Fault Isolation Boundaries whitepaper, 'Global services'"
  url   = "https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/global-services.html"
  date  = "2025"
}

source "cw_esc_2026" {
  title = "ComputerWeekly: AWS European Sovereign Cloud launched 15 January 2026, Potsdam"
  url   = "https://www.computerweekly.com/de/feature/AWS-European-Sovereign-Cloud-Wette-auf-digitale-Souveraenitaet"
  date  = "2026-01-22"
}

source "golem_esc_2026" {
  title = "Golem: Amazon AWS will in Potsdam als souverän gelten"
  url   = "https://www.golem.de/news/amazon-aws-will-in-potsdam-als-souveraen-gelten-2601-204234.html"
  date  = "2026-01"
}

source "devto_esc" {
  title = "re:Invent 2025 SEC201 summary: AWS European Sovereign Cloud GmbH"
  url   = "https://dev.to/kazuya_dev/aws-reinvent-2025-aws-european-sovereign-cloud-from-concept-to-reality-sec201-3b5k"
  date  = "2025-12"
}

source "tfaws_46064" {
  title = "hashicorp/terraform-provider-aws PR #46064: partition/aws-eusc label"
  url   = "https://github.com/hashicorp/terraform-provider-aws/pull/46064"
  date  = "2026-01-20"
}

source "tf_aws_dynamodb_table" {
  title = "terraform-provider-aws aws_dynamodb_table: replica { region_name } (Global Tables V2)"
  url   = "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dynamodb_table#replica"
  date  = "2026"
}

source "aws_secretsmanager_replica" {
  title = "AWS Secrets Manager ReplicaRegion (Region: the replica's region); aws_secretsmanager_secret replica { region }"
  url   = "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-secretsmanager-secret-replicaregion.html"
  date  = "2026"
}

source "aws_backup_copy_action" {
  title = "AWS Backup CopyAction: DestinationBackupVaultArn, e.g. arn:aws:backup:us-east-1:123456789012:vault:name"
  url   = "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-backup-backupplan-copyactionresourcetype.html"
  date  = "2026"
}

source "tf_aws_autoscaling_group" {
  title = "terraform-provider-aws aws_autoscaling_group: tag { key, value, propagate_at_launch } blocks"
  url   = "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/autoscaling_group#tag-and-tags"
  date  = "2026"
}

source "hc_default_tags_asg" {
  title = "HashiCorp tutorial 'Configure default tags for AWS resources': default tags are not propagated to Auto Scaling groups"
  url   = "https://developer.hashicorp.com/terraform/tutorials/aws/aws-default-tags#propagate-default-tags-to-auto-scaling-group"
  date  = "2026"
}

source "exoscale_sos_example" {
  title  = "exoscale/terraform-provider-exoscale examples/sos: the aws provider with endpoints { s3 = \"https://sos-<zone>.exo.io\" }"
  repo   = "exoscale/terraform-provider-exoscale"
  path   = "examples/sos/providers.tf"
  commit = "b692022e3351d6a6f328655586742f7921e75043"
  date   = "2026-08-12"
}

source "ovh_s3_aws_example" {
  title  = "ovh/public-cloud-examples storage/s3-with-tf: the aws provider with endpoints { s3 = \"https://s3.<region>.io.cloud.ovh.net\" }"
  repo   = "ovh/public-cloud-examples"
  path   = "storage/s3-with-tf/provider.tf"
  commit = "4157b90eb9575723de6bf44b858a79ac345ae94c"
  date   = "2024"
}

source "scw_s3_endpoint_django" {
  title = "django-storages PR #1259, Scaleway Object Storage with an S3 client: endpoint https://s3.{region}.scw.cloud (fr-par, nl-ams…), reviewed by a Scaleway engineer"
  url   = "https://github.com/jschneier/django-storages/pull/1259"
  date  = "2023"
}

source "outscale_endpoints" {
  title = "OUTSCALE documentation, Regions, endpoints and subregions reference (OOS at oos.<region>.outscale.com)"
  url   = "https://docs.outscale.com/fr/userguide/R%C3%A9f%C3%A9rence-des-R%C3%A9gions-endpoints-et-Sous-r%C3%A9gions.html"
  date  = "2026"
}

source "tf_aws_s3_replication" {
  title = "terraform-provider-aws aws_s3_bucket_replication_configuration: bucket (the source) and rule { destination { bucket } }; aws_s3_bucket's legacy replication_configuration { rules { destination { bucket } } }"
  url   = "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_replication_configuration"
  date  = "2026"
}

source "tf_aws_db_instance_replica" {
  title = "terraform-provider-aws aws_db_instance: replicate_source_db makes the instance a replica of the named database, in another region when given its ARN"
  url   = "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance#replicate_source_db-1"
  date  = "2026"
}

source "tf_aws_rds_cluster_replica" {
  title = "terraform-provider-aws aws_rds_cluster: replication_source_identifier (the ARN of a source cluster this cluster replicates)"
  url   = "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_cluster#replication_source_identifier-1"
  date  = "2026"
}

source "tf_aws_db_backups_replication" {
  title = "terraform-provider-aws aws_db_instance_automated_backups_replication: source_db_instance_arn, replicated to the provider's region"
  url   = "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance_automated_backups_replication"
  date  = "2026"
}

source "tf_aws_kms_replica_key" {
  title = "terraform-provider-aws aws_kms_replica_key: primary_key_arn, replicated to the provider's region"
  url   = "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/kms_replica_key"
  date  = "2026"
}

source "tf_aws_ecr_replication" {
  title = "terraform-provider-aws aws_ecr_replication_configuration: rule { destination { region, registry_id } }"
  url   = "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecr_replication_configuration"
  date  = "2026"
}

provider "aws" {
  name     = "Amazon Web Services"
  registry = ["hashicorp/aws"]

  location {
    # v6 puts `region` on every regional resource ("Enhanced Region
    # Support", hashicorp.github.io/terraform-provider-aws); before, only
    # zones and a few resources carry location and the provider decides.
    resource_attributes = ["region", "availability_zone", "availability_zones"]
    provider_attributes = ["region"]
    zone_patterns = [
      "^([a-z]{2,4}(?:-[a-z]+)+-\\d+)[a-z]$",            # eu-west-3a
      "^([a-z]{2,4}(?:-[a-z]+)+-\\d+)-[a-z]{3,}-\\d+[a-z]$", # us-east-1-bos-1a (Local Zones)
    ]
    env = ["AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE (region from ~/.aws/config)"]
    # data "aws_availability_zones" lists the zones of its configuration's
    # region: a zone taken from it is in the provider's region.
    zone_data_sources = ["aws_availability_zones"]
  }

  tags {
    effective           = "tags_all"
    resource_attributes = ["tags"]
    provider_attributes = ["default_tags.tags"]

    # An Auto Scaling group has tag { key value propagate_at_launch }
    # blocks, no tags_all, and the provider's default_tags skip it.
    for_types {
      resource_types      = ["aws_autoscaling_group"]
      resource_attributes = ["tag"]
      provider_defaults   = false
      source              = ["tf_aws_autoscaling_group", "hc_default_tags_asg"]
      as_of               = "2026-11-26"
      verified            = "primary"
    }
  }

  operator {
    name             = "Amazon Web Services, Inc."
    country          = "US"
    parent           = "Amazon.com, Inc."
    parent_country   = "US"
    eu_legal_control = "no"
    laws             = ["the US CLOUD Act", "FISA section 702"]
    note             = "Accounts in Europe, the Middle East and Africa contract with Amazon Web Services EMEA SARL (Luxembourg), a subsidiary of Amazon.com, Inc., since 2018-07-01: the contracting entity is European, the control is not"
    source           = ["aws_contracting_party", "aws_customer_agreement_2019", "sec_amazon", "us_cloud_act"]
    as_of            = "2026-11-26"
    verified         = "secondary"
  }

  secnumcloud {
    status   = "not_qualified"
    note     = "Absent from the ANSSI catalogue; SecNumCloud 3.2 §19.6 excludes operators with non-EU control"
    source   = ["anssi_catalogue", "snc_ref_32"]
    as_of    = "2026-09-26"
    verified = "secondary"
  }

  global_service "AWS global services (IAM, CloudFront, Route 53, Organizations, WAF Classic, Shield, Global Accelerator)" {
    resource_types = [
      "aws_iam_*", "aws_cloudfront_*", "aws_organizations_*", "aws_shield_*", "aws_globalaccelerator_*",
      "aws_waf_*", "aws_route53_zone*", "aws_route53_record", "aws_route53_health_check", "aws_route53_delegation_set",
      "aws_route53_query_log", "aws_route53_traffic_policy*", "aws_route53_key_signing_key", "aws_route53_hosted_zone_dnssec",
      "aws_route53_cidr_*", "aws_route53domains_*",
    ]
    note     = "Route 53 Resolver (aws_route53_resolver_*) and WAFv2 are regional and are not listed"
    source   = ["aws_global_services"]
    as_of    = "2026-09"
    verified = "unverified"
  }

  # What schemes other than SecNumCloud say of the offering (SOV007).
  certification "c5" {
    scheme   = "bsi-c5"
    status   = "certified"
    note     = "The source says AWS holds C5 attestations, without their type, period or the services and regions in scope: unverified until those are read from the report, so no requirement passes on it. Declare the attestation your procurement checked, with its scope, in .sovlint.hcl"
    source   = ["c5_nexalign"]
    as_of    = "2026-11-26"
    verified = "unverified"
  }

  regions {
    source   = ["awsjs_partitions", "sccrawler_aws"]
    as_of    = "2026-08"
    verified = "primary"

    region "eu-west-3" {
      name    = "Europe (Paris)"
      country = "FR"
    }
    region "eu-central-1" {
      name    = "Europe (Frankfurt)"
      country = "DE"
    }
    region "eu-west-1" {
      name    = "Europe (Ireland)"
      country = "IE"
    }
    region "eu-south-1" {
      name    = "Europe (Milan)"
      country = "IT"
    }
    region "eu-south-2" {
      name    = "Europe (Spain)"
      country = "ES"
    }
    region "eu-north-1" {
      name    = "Europe (Stockholm)"
      country = "SE"
    }
    region "eu-west-2" {
      name    = "Europe (London)"
      country = "GB"
    }
    region "eu-central-2" {
      name    = "Europe (Zurich)"
      country = "CH"
    }
    region "il-central-1" { country = "IL" }
    region "me-central-1" { country = "AE" }
    region "me-south-1" { country = "BH" }
    region "af-south-1" { country = "ZA" }
    region "ap-east-1" { country = "HK" }
    region "ap-northeast-1" { country = "JP" }
    region "ap-northeast-2" { country = "KR" }
    region "ap-northeast-3" { country = "JP" }
    region "ap-south-1" { country = "IN" }
    region "ap-south-2" { country = "IN" }
    region "ap-southeast-1" { country = "SG" }
    region "ap-southeast-2" { country = "AU" }
    region "ap-southeast-3" { country = "ID" }
    region "ap-southeast-4" { country = "AU" }
    region "ap-southeast-5" { country = "MY" }
    region "ap-southeast-7" { country = "TH" }
    region "ca-central-1" { country = "CA" }
    region "ca-west-1" { country = "CA" }
    region "mx-central-1" { country = "MX" }
    region "sa-east-1" { country = "BR" }
    region "us-east-1" { country = "US" }
    region "us-east-2" { country = "US" }
    region "us-west-1" { country = "US" }
    region "us-west-2" { country = "US" }
    region "us-gov-east-1" { country = "US" }
    region "us-gov-west-1" { country = "US" }
  }

  # S3-compatible object storage of other operators, reached by pointing
  # the provider's S3 endpoint at them: the host decides the operator and
  # the region, whatever the provider's region says. An endpoint no entry
  # matches leaves the operator unknown (SOV004), never Amazon.
  endpoint "exoscale-sos" {
    attribute      = "endpoints.s3"
    resource_types = ["aws_s3_*"]
    host           = "^sos-([a-z]{2}-[a-z]{3}-\\d+)\\.exo\\.io$"
    operated_by    = "exoscale"
    source         = ["exoscale_sos_example"]
    as_of          = "2026-11-26"
    verified       = "primary"
  }
  endpoint "ovhcloud-object-storage" {
    attribute      = "endpoints.s3"
    resource_types = ["aws_s3_*"]
    host           = "^s3\\.([a-z0-9-]+)\\.(?:io\\.|perf\\.)?cloud\\.ovh\\.net$"
    operated_by    = "ovh"
    source         = ["ovh_s3_aws_example"]
    as_of          = "2026-11-26"
    verified       = "primary"
  }
  endpoint "scaleway-object-storage" {
    attribute      = "endpoints.s3"
    resource_types = ["aws_s3_*"]
    host           = "^s3\\.([a-z]{2}-[a-z]{3})\\.scw\\.cloud$"
    operated_by    = "scaleway"
    source         = ["scw_s3_endpoint_django"]
    as_of          = "2026-11-26"
    verified       = "secondary"
  }
  endpoint "outscale-oos" {
    attribute      = "endpoints.s3"
    resource_types = ["aws_s3_*"]
    host           = "^oos\\.([a-z0-9-]+)\\.outscale\\.com$"
    operated_by    = "outscale"
    source         = ["outscale_endpoints"]
    as_of          = "2026-11-26"
    verified       = "unverified"
  }
  endpoint "ionos-object-storage-frankfurt" {
    attribute      = "endpoints.s3"
    resource_types = ["aws_s3_*"]
    host           = "^s3-eu-central-1\\.ionoscloud\\.com$"
    operated_by    = "ionos"
    region         = "de"
    source         = ["tf_ionos_docs"]
    as_of          = "2026-11-26"
    verified       = "unverified"
  }
  endpoint "ionos-object-storage" {
    attribute      = "endpoints.s3"
    resource_types = ["aws_s3_*"]
    host           = "^s3[.-](eu-(?:central|south)-\\d+)\\.ionoscloud\\.com$"
    operated_by    = "ionos"
    source         = ["tf_ionos_docs"]
    as_of          = "2026-11-26"
    verified       = "unverified"
  }

  # Regions the SDK commit cited above lacks: read in the Go SDK's v1.48.0
  # partitions file (ap-east-2 and ap-southeast-6 were first taken from
  # sc-crawler, a secondary source).
  regions {
    source   = ["awsgo_partitions_v1_48", "sccrawler_aws"]
    as_of    = "2026-11-26"
    verified = "primary"

    region "ap-east-2" {
      name    = "Asia Pacific (Taipei)"
      country = "TW"
    }
    region "ap-southeast-6" {
      name    = "Asia Pacific (New Zealand)"
      country = "NZ"
    }
    region "me-west-1" {
      name    = "Middle East (Saudi Arabia)"
      country = "SA"
    }
    region "sa-west-1" {
      name    = "South America (Chile)"
      country = "CL"
    }
  }

  # The ISO partitions serve US government classified workloads, and
  # aws-iso-e the UK (its DNS suffix is cloud.adc-e.uk). Still AWS.
  regions {
    source   = ["awsgo_partitions_v1_48"]
    as_of    = "2026-11-26"
    verified = "primary"

    region "us-iso-east-1" { country = "US" }
    region "us-iso-west-1" { country = "US" }
    region "us-isob-east-1" { country = "US" }
    region "us-isob-west-1" { country = "US" }
    region "us-isof-east-1" { country = "US" }
    region "us-isof-south-1" { country = "US" }
    region "eu-isoe-west-1" {
      name    = "AWS ISO-E (United Kingdom)"
      country = "GB"
    }
  }

  # Attributes that copy a resource's data to another region (SOV006).
  replication "DynamoDB global table replica" {
    resource_types = ["aws_dynamodb_table"]
    path           = "replica.region_name"
    source         = ["tf_aws_dynamodb_table"]
    as_of          = "2026-11-23"
    verified       = "secondary"
  }

  replication "Secrets Manager replica" {
    resource_types = ["aws_secretsmanager_secret"]
    path           = "replica.region"
    source         = ["aws_secretsmanager_replica"]
    as_of          = "2026-11-23"
    verified       = "secondary"
  }

  replication "AWS Backup copy action" {
    resource_types = ["aws_backup_plan"]
    path           = "rule.copy_action.destination_vault_arn"
    value_pattern  = "^arn:aws[a-z-]*:backup:([a-z0-9-]+):"
    note           = "The destination vault's ARN carries its region"
    source         = ["aws_backup_copy_action"]
    as_of          = "2026-11-23"
    verified       = "secondary"
  }

  # Copies between resources of the configuration: the copy is where its
  # own resource is, and the copied resource answers for it.
  replication "S3 replication" {
    resource_types        = ["aws_s3_bucket_replication_configuration"]
    source_reference      = "bucket"
    destination_reference = "rule.destination.bucket"
    note                  = "A destination written as an ARN rather than a reference to a bucket of the configuration cannot be placed: the copy is unresolved"
    source                = ["tf_aws_s3_replication"]
    as_of                 = "2026-11-26"
    verified              = "primary"
  }

  replication "S3 replication (inline, legacy)" {
    resource_types        = ["aws_s3_bucket"]
    destination_reference = "replication_configuration.rules.destination.bucket"
    source                = ["tf_aws_s3_replication"]
    as_of                 = "2026-11-26"
    verified              = "primary"
  }

  replication "RDS read replica" {
    resource_types   = ["aws_db_instance"]
    source_reference = "replicate_source_db"
    source           = ["tf_aws_db_instance_replica"]
    as_of            = "2026-11-26"
    verified         = "primary"
  }

  replication "Aurora cross-region replica" {
    resource_types   = ["aws_rds_cluster"]
    source_reference = "replication_source_identifier"
    source           = ["tf_aws_rds_cluster_replica"]
    as_of            = "2026-11-26"
    verified         = "primary"
  }

  replication "RDS automated backups replication" {
    resource_types   = ["aws_db_instance_automated_backups_replication"]
    source_reference = "source_db_instance_arn"
    source           = ["tf_aws_db_backups_replication"]
    as_of            = "2026-11-26"
    verified         = "primary"
  }

  replication "KMS replica key" {
    resource_types   = ["aws_kms_replica_key"]
    source_reference = "primary_key_arn"
    source           = ["tf_aws_kms_replica_key"]
    as_of            = "2026-11-26"
    verified         = "primary"
  }

  replication "ECR replication rule" {
    resource_types = ["aws_ecr_replication_configuration"]
    path           = "replication_configuration.rule.destination.region"
    source         = ["tf_aws_ecr_replication"]
    as_of          = "2026-11-23"
    verified       = "unverified"
  }

  variant "eusc" {
    name = "AWS European Sovereign Cloud"
    when {
      region_pattern = "^eusc-"
    }

    operator {
      name             = "AWS European Sovereign Cloud GmbH"
      country          = "DE"
      parent           = "Amazon.com, Inc."
      parent_country   = "US"
      eu_legal_control = "no"
      laws             = ["the US CLOUD Act through its US parent (disputed)"]
      note             = "EU-resident operator and staff, but ultimately controlled by a US company"
      source           = ["cw_esc_2026", "golem_esc_2026", "devto_esc"]
      as_of            = "2026-01-22"
      verified         = "secondary"
    }

    secnumcloud {
      status   = "not_qualified"
      note     = "Not in the ANSSI catalogue; US parent fails SecNumCloud 3.2 §19.6"
      source   = ["anssi_catalogue", "snc_ref_32"]
      as_of    = "2026-09-26"
      verified = "secondary"
    }

    regions {
      source   = ["awsjs_partitions", "tfaws_46064", "cw_esc_2026"]
      as_of    = "2026-08"
      verified = "primary"
      region "eusc-de-east-1" {
        name    = "AWS European Sovereign Cloud (Brandenburg)"
        country = "DE"
      }
    }
  }

  variant "china" {
    name = "Amazon Web Services China (aws-cn partition)"
    when {
      region_pattern = "^cn-"
    }

    operator {
      name             = "Local Chinese partners operating the aws-cn partition"
      country          = "CN"
      parent           = "Amazon.com, Inc."
      parent_country   = "US"
      eu_legal_control = "no"
      laws             = ["the laws of the People's Republic of China", "the US CLOUD Act through Amazon"]
      note             = "The aws-cn partition (amazonaws.com.cn) is operated by Chinese partners of Amazon"
      source           = ["awsjs_partitions", "sec_amazon"]
      as_of            = "2026-09"
      verified         = "unverified"
    }

    secnumcloud {
      status   = "not_qualified"
      source   = ["anssi_catalogue"]
      as_of    = "2026-09-26"
      verified = "secondary"
    }

    regions {
      source   = ["awsjs_partitions"]
      as_of    = "2026-08"
      verified = "primary"
      region "cn-north-1" { country = "CN" }
      region "cn-northwest-1" { country = "CN" }
    }
  }
}
