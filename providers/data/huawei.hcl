# Huawei Cloud through huaweicloud/huaweicloud. The provider's region
# ("eu-west-101") applies unless a resource sets its own; zones are the
# region with a letter ("cn-north-4a").

source "huawei_sdk_ecs_regions" {
  title  = "huaweicloud/huaweicloud-sdk-go-v3 services/ecs/v2/region/region.go: the region identifiers of the Elastic Cloud Server endpoints"
  repo   = "huaweicloud/huaweicloud-sdk-go-v3"
  path   = "services/ecs/v2/region/region.go"
  commit = "07369e20642aa4773a7e9351d138d8a0f5752a92"
  date   = "2026"
}

source "tf_huaweicloud_index" {
  title = "terraform-provider-huaweicloud documentation: provider region (HW_REGION_NAME), region and availability_zone on resources"
  url   = "https://registry.terraform.io/providers/huaweicloud/huaweicloud/latest/docs"
  date  = "2026"
}

source "huawei_annual_report" {
  title = "Huawei Investment & Holding Co., Ltd. annual report (a private company of Shenzhen owned by its employees' union and its founder)"
  url   = "https://www.huawei.com/en/annual-report"
  date  = "2026"
}

provider "huaweicloud" {
  name     = "Huawei Cloud"
  registry = ["huaweicloud/huaweicloud"]

  location {
    resource_attributes = ["region", "availability_zone"]
    provider_attributes = ["region"]
    zone_patterns       = ["^([a-z]{2}-[a-z]+-\\d+)[a-z]$"] # cn-north-4a → cn-north-4
    env                 = ["HW_REGION_NAME"]
  }

  tags {
    resource_attributes = ["tags"]
  }

  operator {
    name             = "Huawei Cloud Computing Technologies Co., Ltd."
    country          = "CN"
    parent           = "Huawei Investment & Holding Co., Ltd."
    parent_country   = "CN"
    eu_legal_control = "no"
    laws             = ["the laws of the People's Republic of China (2017 National Intelligence Law)"]
    note             = "The contracting entity of European accounts (myhuaweicloud.eu) is not checked; control is Chinese either way"
    source           = ["huawei_annual_report", "prc_national_intelligence_law"]
    as_of            = "2026-11-26"
    verified         = "unverified"
  }

  secnumcloud {
    status   = "not_qualified"
    note     = "Absent from the ANSSI catalogue; a Chinese operator fails SecNumCloud 3.2 §19.6"
    source   = ["anssi_catalogue", "snc_ref_32"]
    as_of    = "2026-09-26"
    verified = "secondary"
  }

  # The identifiers are the SDK's; the countries are those of the cities in
  # Huawei Cloud's region names (EU-Dublin, AP-Singapore…), which no
  # document cited here states: unverified, so EU residency does not pass
  # on them.
  regions {
    source   = ["huawei_sdk_ecs_regions", "tf_huaweicloud_index"]
    as_of    = "2026-11-26"
    verified = "unverified"

    region "eu-west-101" {
      name    = "EU-Dublin"
      country = "IE"
    }
    region "eu-west-0" {
      name    = "EU-Paris"
      country = "FR"
    }
    region "cn-north-1" { country = "CN" }
    region "cn-north-2" { country = "CN" }
    region "cn-north-4" { country = "CN" }
    region "cn-north-9" { country = "CN" }
    region "cn-north-11" { country = "CN" }
    region "cn-north-12" { country = "CN" }
    region "cn-east-2" { country = "CN" }
    region "cn-east-3" { country = "CN" }
    region "cn-east-4" { country = "CN" }
    region "cn-east-5" { country = "CN" }
    region "cn-south-1" { country = "CN" }
    region "cn-south-2" { country = "CN" }
    region "cn-south-4" { country = "CN" }
    region "cn-southwest-2" { country = "CN" }
    region "cn-southwest-3" { country = "CN" }
    region "ap-southeast-1" {
      name    = "AP-Hong Kong"
      country = "HK"
    }
    region "ap-southeast-2" {
      name    = "AP-Bangkok"
      country = "TH"
    }
    region "ap-southeast-3" {
      name    = "AP-Singapore"
      country = "SG"
    }
    region "ap-southeast-4" {
      name    = "AP-Jakarta"
      country = "ID"
    }
    region "ap-southeast-5" {
      name    = "AP-Manila"
      country = "PH"
    }
    region "my-kualalumpur-1" { country = "MY" }
    region "af-south-1" {
      name    = "AF-Johannesburg"
      country = "ZA"
    }
    region "af-north-1" {
      name    = "AF-Cairo"
      country = "EG"
    }
    region "tr-west-1" {
      name    = "TR-Istanbul"
      country = "TR"
    }
    region "me-east-1" {
      name    = "ME-Riyadh"
      country = "SA"
    }
    region "ae-ad-1" {
      name    = "AE-Abu Dhabi"
      country = "AE"
    }
    region "ru-moscow-1" { country = "RU" }
    region "sa-brazil-1" {
      name    = "LA-Sao Paulo1"
      country = "BR"
    }
    region "la-north-2" {
      name    = "LA-Mexico City2"
      country = "MX"
    }
    region "na-mexico-1" {
      name    = "LA-Mexico City1"
      country = "MX"
    }
    region "la-south-2" {
      name    = "LA-Santiago"
      country = "CL"
    }
  }
}
