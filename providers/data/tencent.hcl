# Tencent Cloud through tencentcloudstack/tencentcloud. The provider's
# region ("ap-guangzhou", "eu-frankfurt") applies to every resource; zones
# are the region with a number ("ap-guangzhou-3").

source "tencent_sdk_regions" {
  title  = "TencentCloud/tencentcloud-sdk-go common/regions/regions.go: region identifiers with their city (e.g. Frankfurt = eu-frankfurt)"
  repo   = "TencentCloud/tencentcloud-sdk-go"
  path   = "tencentcloud/common/regions/regions.go"
  commit = "c522e3f80a1a2b0e1f07dd1bfaeff9b29f7cdde0"
  date   = "2026"
}

source "tf_tencentcloud_index" {
  title = "terraform-provider-tencentcloud documentation: provider region (TENCENTCLOUD_REGION), availability_zone on resources"
  url   = "https://registry.terraform.io/providers/tencentcloudstack/tencentcloud/latest/docs"
  date  = "2026"
}

source "tencent_ir" {
  title = "Tencent Holdings Limited investor relations (Cayman Islands holding headquartered in Shenzhen, listed in Hong Kong)"
  url   = "https://www.tencent.com/en-us/investors.html"
  date  = "2026"
}

provider "tencentcloud" {
  name     = "Tencent Cloud"
  registry = ["tencentcloudstack/tencentcloud"]

  location {
    resource_attributes = ["availability_zone", "region"]
    provider_attributes = ["region"]
    zone_patterns       = ["^([a-z]{2}-[a-z]+(?:-[a-z]+)?)-\\d+$"] # ap-guangzhou-3 → ap-guangzhou
    env                 = ["TENCENTCLOUD_REGION"]
  }

  tags {
    resource_attributes = ["tags"]
  }

  operator {
    name             = "Tencent Cloud (Tencent Holdings Limited)"
    country          = "CN"
    parent           = "Tencent Holdings Limited"
    parent_country   = "CN"
    eu_legal_control = "no"
    laws             = ["the laws of the People's Republic of China (2017 National Intelligence Law)"]
    note             = "The holding company is incorporated in the Cayman Islands and run from Shenzhen; the contracting entity of international accounts is not checked"
    source           = ["tencent_ir", "prc_national_intelligence_law"]
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

  regions {
    source   = ["tencent_sdk_regions", "tf_tencentcloud_index"]
    as_of    = "2026-11-26"
    verified = "primary"

    region "eu-frankfurt" {
      name    = "Frankfurt"
      country = "DE"
    }
    region "eu-moscow" {
      name    = "Moscow"
      country = "RU"
    }
    region "ap-beijing" { country = "CN" }
    region "ap-chengdu" { country = "CN" }
    region "ap-chongqing" { country = "CN" }
    region "ap-guangzhou" { country = "CN" }
    region "ap-guangzhou-open" { country = "CN" }
    region "ap-nanjing" { country = "CN" }
    region "ap-shanghai" { country = "CN" }
    region "ap-shanghai-fsi" { country = "CN" }
    region "ap-shenzhen-fsi" { country = "CN" }
    region "ap-hongkong" { country = "HK" }
    region "ap-bangkok" { country = "TH" }
    region "ap-jakarta" { country = "ID" }
    region "ap-mumbai" { country = "IN" }
    region "ap-seoul" { country = "KR" }
    region "ap-singapore" { country = "SG" }
    region "ap-tokyo" { country = "JP" }
    region "na-ashburn" { country = "US" }
    region "na-siliconvalley" { country = "US" }
    region "na-toronto" { country = "CA" }
    region "sa-saopaulo" { country = "BR" }
  }
}
