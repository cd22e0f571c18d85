# Certification schemes: who runs each one, what it grades, and its levels,
# lowest first (a higher level on a ladder satisfies a lower minimum). A
# policy requires them as "scheme" or "scheme:minimum-level"
# (`certifications = ["bsi-c5:type2"]` in .sovlint.hcl); rule SOV007
# checks them against the certification blocks of the providers' offerings,
# and SOV001 checks SecNumCloud against the offers' statuses.
#
# No certification ever decides the EU legal control verdict: a security
# attestation (C5, ENS, EUCS) says nothing about who can compel the
# operator, and US hyperscalers hold C5 attestations.
#
# Certification facts whose sources are below sit in the providers' files;
# facts these notes could not source stay absent, which fails closed.

source "c5_marekhronec" {
  title = "Marek Hronec, Germany — BSI C5: C5:2020 and C5:2026 (final March 2026, for audit periods from 1 June 2027), Type 1 and Type 2 attestations under ISAE 3000"
  url   = "https://www.marekhronec.com/knowledge-base/compliance/germany-bsi-c5-cloud-attestation"
  date  = "2026"
}

source "c5_nexalign" {
  title = "nexalign glossary, BSI C5: an ISAE 3000 attestation at a point in time (Type 1) or over a period (Type 2); Microsoft Azure, AWS, Google Cloud and SAP hold C5 attestations"
  url   = "https://nexalign.io/glossary/bsi-c5-en"
  date  = "2026"
}

source "c5_ibm" {
  title = "IBM, IBM Cloud expands C5 compliance: ISAE 3000 attestation reports on the design and operating effectiveness of controls over a period"
  url   = "https://www.ibm.com/new/announcements/ibm-cloud-expands-c5-compliance"
  date  = "2026"
}

source "acn_marekhronec" {
  title = "Marek Hronec, Italy — ACN Qualificazione: four levels for services and four for infrastructure, Regolamento unico (Decreto direttoriale 21007/24 of 27 June 2024) from 1 August 2024, public catalogue"
  url   = "https://www.marekhronec.com/knowledge-base/compliance/italy-acn-cloud-qualification"
  date  = "2026"
}

source "acn_quifinanza" {
  title = "QuiFinanza, Regolamento unico per le infrastrutture e i servizi cloud per la PA: regime ordinario dal 1° agosto 2024, qualifiche valide 36 mesi e soggette a monitoraggio"
  url   = "https://quifinanza.it/pubblica-amministrazione/regolamento-unico-infrastrutture-servizi-cloud/832868/"
  date  = "2024-07"
}

source "acn_catalogue" {
  title = "ACN, Catalogo delle infrastrutture digitali e dei servizi cloud (the public register of qualified services)"
  url   = "https://www.acn.gov.it/portale/it/catalogo-delle-infrastrutture-digitali-e-dei-servizi-cloud"
  date  = "2026"
  note  = "Not retrievable by this project's research (2026-11): no provider's ACN level is recorded from it"
}

source "ens_faq" {
  title = "CCN, ENS FAQ: Real Decreto 311/2022; certifications against it have the usual validity of two years"
  url   = "https://ens.ccn.cni.es/es/que-es-el-ens/faq"
  date  = "2026"
}

source "ens_marekhronec" {
  title = "Marek Hronec, Spain — ENS: RD 311/2022 (BOE-A-2022-7191), categories básica, media and alta, run by the Centro Criptológico Nacional"
  url   = "https://www.marekhronec.com/knowledge-base/compliance/spain-ens-national-security-framework"
  date  = "2026"
}

source "ens_microsoft" {
  title = "Microsoft, Spain Esquema Nacional de Seguridad (ENS) High-Level Security Measures (RD 311/2022)"
  url   = "https://learn.microsoft.com/en-us/compliance/regulatory/offering-ens-spain"
  date  = "2026"
}

source "eucs_dutchncca" {
  title = "Dutch NCCA, EU Cybersecurity Certification Scheme for Cloud Services (EUCS): a scheme under the Cybersecurity Act granting a three-year certificate"
  url   = "https://www.dutchncca.nl/eu-cybersecurity-certification/cloud-services"
  date  = "2026"
}

source "eucs_ec_2021" {
  title = "European Commission, EU Cloud Certification Scheme: ENISA's candidate EUCS with three assurance levels (basic, substantial, high)"
  url   = "https://ec.europa.eu/newsroom/cipr/redirection/item/713799/default/2357"
  date  = "2021-06-09"
}

source "eucs_amcham" {
  title = "AmCham EU position paper on the EUCS (20 June 2023): the draft's sovereignty requirements deadlock the scheme"
  url   = "https://www.amchameu.eu/position-papers/cybersecurity-certification-scheme-cloud-services-eucs"
  date  = "2023-06-20"
}

source "csf_vinland" {
  title = "Vinland, The EU's Cloud Sovereignty Framework: DG DIGIT v1.2.1 (October 2025), eight sovereignty objectives, SEAL-0 to SEAL-4; a tender sets a minimum SEAL"
  url   = "https://www.vinland.technology/blog/eu-cloud-sovereignty-framework.html"
  date  = "2026-05"
}

source "csf_qsentinel" {
  title = "QSentinel, EU Cloud Sovereignty Framework v1.2.1 and the Cloud III DPS: a provider's SEAL is its lowest-scoring objective"
  url   = "https://qsentinel.com/?p=7644"
  date  = "2026-06-24"
}

source "csf_ibm" {
  title = "Cloud sovereignty provider card: IBM Cloud (third-party SEAL scoring)"
  url   = "https://csf.hop3.abilian.com/providers/ibm-cloud.html"
  date  = "2026"
}

scheme "secnumcloud" {
  name              = "SecNumCloud"
  country           = "FR"
  grades            = "security, sovereignty"
  issuer            = "ANSSI"
  register_url      = "https://messervices.cyber.gouv.fr/visas/catalogue-produits-services-profils-de-protection-sites-certifies-qualifies-agrees-anssi.pdf"
  versions          = ["3.2"]
  requires_validity = true
  note              = "A qualification, with immunity from extra-EU law among its requirements (§19.6). Its facts are the offers' SecNumCloud statuses, and rule SOV001 checks it"
  source            = ["snc_ref_32", "anssi_catalogue"]
  as_of             = "2026-11-26"
  verified          = "secondary"
}

scheme "bsi-c5" {
  name     = "BSI C5"
  country  = "DE"
  grades   = "security"
  issuer   = "BSI sets the criteria; independent auditors issue the attestation reports (ISAE 3000)"
  versions = ["C5:2020", "C5:2026"]
  note     = "An attestation, not a certificate: a Type 2 report covers an observation period and has no end date. C5:2026 applies to audit periods from 2027-06-01. No ownership criterion: US hyperscalers hold C5 attestations. No public register: each provider publishes its report"
  source   = ["c5_marekhronec", "c5_nexalign"]
  as_of    = "2026-11-26"
  verified = "secondary"

  ladder "report" {
    levels = ["type1", "type2"]
  }
}

scheme "acn" {
  name              = "ACN"
  country           = "IT"
  grades            = "security"
  issuer            = "Agenzia per la Cybersicurezza Nazionale (ACN)"
  register_url      = "https://www.acn.gov.it/portale/it/catalogo-delle-infrastrutture-digitali-e-dei-servizi-cloud"
  requires_validity = true
  note              = "Regolamento unico (Decreto direttoriale 21007/24 of 27/06/2024), in force from 2024-08-01. Qualifications last 36 months and are monitored. Service levels (QC) and infrastructure levels (QI) do not compare with each other"
  source            = ["acn_marekhronec", "acn_quifinanza", "acn_catalogue"]
  as_of             = "2026-11-26"
  verified          = "secondary"

  ladder "services" {
    levels = ["QC1", "QC2", "QC3", "QC4"]
  }
  ladder "infrastructure" {
    levels = ["QI1", "QI2", "QI3", "QI4"]
  }
}

scheme "ens" {
  name              = "ENS"
  country           = "ES"
  grades            = "security"
  issuer            = "Centro Criptológico Nacional (CCN)"
  register_url      = "https://ens.ccn.cni.es/"
  requires_validity = true
  note              = "Esquema Nacional de Seguridad, Real Decreto 311/2022. Certificates last two years. Categories: básica, media, alta"
  source            = ["ens_faq", "ens_marekhronec"]
  as_of             = "2026-11-26"
  verified          = "secondary"

  ladder "category" {
    levels = ["basica", "media", "alta"]
  }
}

scheme "eucs" {
  name              = "EUCS"
  country           = "EU"
  grades            = "security"
  issuer            = "ENISA (candidate scheme under the Cybersecurity Act, Regulation (EU) 2019/881)"
  requires_validity = true
  note              = "Not adopted: its sovereignty criteria deadlocked it, and no certificate exists. A requirement of it fails until a certificate is declared. Certificates would last three years"
  source            = ["eucs_ec_2021", "eucs_dutchncca", "eucs_amcham"]
  as_of             = "2026-11-26"
  verified          = "secondary"

  ladder "assurance" {
    levels = ["basic", "substantial", "high"]
  }
}

scheme "eu-csf" {
  name     = "EU Cloud Sovereignty Framework"
  country  = "EU"
  grades   = "sovereignty"
  issuer   = "European Commission (DG DIGIT); assessed in each tender"
  versions = ["1.2.1"]
  note     = "Eight sovereignty objectives (SOV-1 to SOV-8); a service's SEAL is its lowest objective's, and a tender sets a minimum SEAL. No register and no official per-provider SEAL: third-party scorings are recorded with status unknown, and the SEAL a tender assessed is for users to declare"
  source   = ["csf_vinland", "csf_qsentinel"]
  as_of    = "2026-11-26"
  verified = "secondary"

  ladder "seal" {
    levels = ["SEAL-0", "SEAL-1", "SEAL-2", "SEAL-3", "SEAL-4"]
  }
}
