# Alibaba Cloud through aliyun/alicloud. The operator answers to Chinese
# law wherever the region is.

source "alicloud_region_list" {
  title = "Alibaba Cloud Document Center, Region list (Europe: Germany (Frankfurt) eu-central-1 only)"
  url   = "https://alibabacloud.com/help/doc-detail/72379.htm"
  date  = "2024-11-13"
}

source "alicloud_mybase_regions" {
  title = "Alibaba Cloud, ApsaraDB MyBase region IDs (UK (London) eu-west-1, China (Heyuan), China (Chengdu))"
  url   = "https://alibabacloud.com/help/en/apsaradb-for-mybase/latest/region-ids"
  date  = "2026"
}

source "sccrawler_alicloud" {
  title  = "SpareCores sc-crawler Alibaba Cloud region → country table"
  repo   = "SpareCores/sc-crawler"
  path   = "src/sc_crawler/vendors/_alicloud.py"
  commit = "4bcc0b18071228470757043ea20b823be2fca0bd"
  date   = "2026-07-24"
}

source "sec_alibaba" {
  title = "US SEC EDGAR filings of Alibaba Group Holding Limited (Cayman Islands holding, operations in the PRC; annual reports 20-F naming Alibaba Cloud)"
  url   = "https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=0001577552&type=20-F"
  date  = "2026"
}

source "prc_national_intelligence_law" {
  title = "National Intelligence Law of the People's Republic of China (2017), article 7: organisations shall support and cooperate with national intelligence work (English translation)"
  url   = "https://www.chinalawtranslate.com/en/national-intelligence-law-of-the-p-r-c-2017/"
  date  = "2017-06-27"
}

provider "alicloud" {
  name     = "Alibaba Cloud"
  registry = ["aliyun/alicloud", "hashicorp/alicloud"]

  location {
    resource_attributes = ["region", "zone_id", "availability_zone"]
    provider_attributes = ["region"]
    zone_patterns = [
      "^([a-z]{2}-[a-z]+-\\d+)[a-z]$", # eu-central-1a
      "^([a-z]{2}-[a-z]+)-[a-z]$",     # cn-hangzhou-b
    ]
    env = ["ALICLOUD_REGION", "ALIBABA_CLOUD_REGION"]
  }

  tags {
    resource_attributes = ["tags"]
  }

  operator {
    name             = "Alibaba Cloud (Alibaba Group Holding Limited)"
    country          = "CN"
    parent           = "Alibaba Group Holding Limited"
    parent_country   = "CN"
    eu_legal_control = "no"
    laws             = ["the laws of the People's Republic of China (2017 National Intelligence Law)"]
    note             = "The holding company is incorporated in the Cayman Islands; the group and Alibaba Cloud are run from the People's Republic of China"
    source           = ["sec_alibaba", "prc_national_intelligence_law"]
    as_of            = "2026-11-26"
    verified         = "secondary"
  }

  secnumcloud {
    status   = "not_qualified"
    source   = ["anssi_catalogue", "snc_ref_32"]
    as_of    = "2026-09-26"
    verified = "secondary"
  }

  # eu-west-2 (Paris) appears only in sc-crawler's hand-written data and in
  # no official region list: it is left out, so a plan using it gets SOV005
  # rather than a residency verdict resting on a guess.
  regions {
    source   = ["alicloud_region_list", "alicloud_mybase_regions"]
    as_of    = "2026-11-23"
    verified = "primary"

    region "eu-central-1" {
      name    = "Germany (Frankfurt)"
      country = "DE"
    }
    region "eu-west-1" {
      name    = "UK (London)"
      country = "GB"
    }
    region "us-east-1" {
      name    = "US (Virginia)"
      country = "US"
    }
    region "us-west-1" {
      name    = "US (Silicon Valley)"
      country = "US"
    }
    region "me-east-1" {
      name    = "UAE (Dubai)"
      country = "AE"
    }
    region "ap-northeast-1" {
      name    = "Japan (Tokyo)"
      country = "JP"
    }
    region "ap-southeast-1" {
      name    = "Singapore"
      country = "SG"
    }
    region "ap-southeast-3" {
      name    = "Malaysia (Kuala Lumpur)"
      country = "MY"
    }
    region "ap-southeast-5" {
      name    = "Indonesia (Jakarta)"
      country = "ID"
    }
    region "ap-south-1" {
      name    = "India (Mumbai)"
      country = "IN"
    }
    region "cn-hongkong" {
      name    = "China (Hong Kong)"
      country = "HK"
    }
    region "cn-qingdao" { country = "CN" }
    region "cn-beijing" { country = "CN" }
    region "cn-zhangjiakou" { country = "CN" }
    region "cn-huhehaote" { country = "CN" }
    region "cn-hangzhou" { country = "CN" }
    region "cn-shanghai" { country = "CN" }
    region "cn-shenzhen" { country = "CN" }
    region "cn-heyuan" { country = "CN" }
    region "cn-chengdu" { country = "CN" }
  }

  regions {
    source   = ["sccrawler_alicloud"]
    as_of    = "2026-07-24"
    verified = "secondary"

    region "me-central-1" { country = "SA" }
    region "na-south-1" { country = "MX" }
    region "ap-northeast-2" { country = "KR" }
    region "ap-southeast-6" { country = "PH" }
    region "ap-southeast-7" { country = "TH" }
  }
}
