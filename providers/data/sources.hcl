# The catalog's version and the date its data is current at: printed by
# `sovlint --version`, and checked against every fact's as_of (none may be
# newer). Bump both when the data changes.
bundle {
  version = "2026.11.26"
  as_of   = "2026-11-26"
}

# Sources shared by several providers. A provider's own sources live in its
# file. Every fact in the catalog cites at least one key declared here or
# there; `sovlint providers --format json` prints them.

source "anssi_catalogue" {
  title = "ANSSI, Catalogue des produits, services, profils de protection et sites certifiés, qualifiés ou agréés (PDF), édition du 15/09/2026"
  url   = "https://messervices.cyber.gouv.fr/visas/catalogue-produits-services-profils-de-protection-sites-certifies-qualifies-agrees-anssi.pdf"
  date  = "2026-09-15"
  note  = "The authority for SecNumCloud status; an offer absent from it is not qualified. The URL always serves the latest edition. This project read the 15/09/2026 edition through two public transcriptions made in September 2026, not the PDF itself: facts resting on it are marked secondary."
}

# One source per qualification: the catalogue edition, its entry and ANSSI's
# decision number, so that every qualified verdict names what to look up.

source "anssi_2118" {
  title = "ANSSI catalogue, édition du 15/09/2026: 3DS OUTSCALE, IaaS Cloud on Demand, SecNumCloud, décision 2118, du 30/11/2023 au 30/11/2026"
  url   = "https://messervices.cyber.gouv.fr/visas/catalogue-produits-services-profils-de-protection-sites-certifies-qualifies-agrees-anssi.pdf"
  date  = "2026-09-15"
  note  = "Read through public transcriptions of this edition"
}

source "anssi_2279" {
  title = "ANSSI catalogue, édition du 15/09/2026: OVH, Hosted Private Cloud powered by VMware (Managed Dedicated Cloud - SecNumCloud), décision 2279, du 28/12/2023 au 29/12/2026"
  url   = "https://messervices.cyber.gouv.fr/visas/catalogue-produits-services-profils-de-protection-sites-certifies-qualifies-agrees-anssi.pdf"
  date  = "2026-09-15"
  note  = "Read through public transcriptions of this edition"
}

source "anssi_559" {
  title = "ANSSI catalogue, édition du 15/09/2026: OVH, Bare Metal Pod (Dedicated PoD-SecNumCloud), décision 559, du 24/03/2025 au 24/03/2028"
  url   = "https://messervices.cyber.gouv.fr/visas/catalogue-produits-services-profils-de-protection-sites-certifies-qualifies-agrees-anssi.pdf"
  date  = "2026-09-15"
  note  = "Read through public transcriptions of this edition"
}

source "anssi_3393" {
  title = "ANSSI catalogue, édition du 15/09/2026: OVH, SNC Cloud Platform, décision 3393, du 31/07/2026 au 31/07/2029"
  url   = "https://messervices.cyber.gouv.fr/visas/catalogue-produits-services-profils-de-protection-sites-certifies-qualifies-agrees-anssi.pdf"
  date  = "2026-09-15"
  note  = "Read through public transcriptions of this edition; OVHcloud announced it on 01/09/2026, the decision is dated 31/07/2026"
}

source "anssi_2057" {
  title = "ANSSI catalogue, édition du 15/09/2026: Thales Cloud Sécurisé (S3NS), PREMI3NS, SecNumCloud 3.2, décision 2057, du 17/12/2025 au 17/12/2028"
  url   = "https://messervices.cyber.gouv.fr/visas/catalogue-produits-services-profils-de-protection-sites-certifies-qualifies-agrees-anssi.pdf"
  date  = "2026-09-15"
  note  = "Read through public transcriptions of this edition"
}

source "anssi_3389" {
  title = "ANSSI catalogue, édition du 15/09/2026: Cloud Temple, IaaS Secure Temple, décision 3389, du 31/07/2026 au 30/05/2028"
  url   = "https://messervices.cyber.gouv.fr/visas/catalogue-produits-services-profils-de-protection-sites-certifies-qualifies-agrees-anssi.pdf"
  date  = "2026-09-15"
  note  = "Read through public transcriptions of this edition; one of them lists S3 object storage, HSM-KMS and bare metal in the perimeter"
}

source "anssi_919" {
  title = "ANSSI catalogue, édition du 15/09/2026: Cloud Temple, PaaS OpenShift, décision 919, du 30/05/2025 au 30/05/2028"
  url   = "https://messervices.cyber.gouv.fr/visas/catalogue-produits-services-profils-de-protection-sites-certifies-qualifies-agrees-anssi.pdf"
  date  = "2026-09-15"
  note  = "Read through public transcriptions of this edition"
}

source "anssi_3395" {
  title = "ANSSI catalogue, édition du 15/09/2026: NumSpot, Plateforme des services cloud (IaaS), décision 3395, du 31/07/2026 au 31/07/2029"
  url   = "https://messervices.cyber.gouv.fr/visas/catalogue-produits-services-profils-de-protection-sites-certifies-qualifies-agrees-anssi.pdf"
  date  = "2026-09-15"
  note  = "Read through public transcriptions of this edition"
}

source "anssi_1147" {
  title = "ANSSI catalogue, édition du 15/09/2026: Orange Business Services, Cloud Avenue SecNum, décision 1147, du 11/07/2025 au 11/07/2028"
  url   = "https://messervices.cyber.gouv.fr/visas/catalogue-produits-services-profils-de-protection-sites-certifies-qualifies-agrees-anssi.pdf"
  date  = "2026-09-15"
  note  = "Read through public transcriptions of this edition"
}

source "anssi_snc_list_page" {
  title = "ANSSI, prestataires SecNumCloud en cours de qualification"
  url   = "https://cyber.gouv.fr/offre-de-service/solutions-certifiees-et-qualifiees/services-de-securite-evalue/solutions-en-cours-de-qualification/prestataires-secnumcloud/"
  date  = "2026-09-26"
  note  = "ANSSI's web list of services under qualification; it lags the PDF catalogue (an offer qualified in the PDF can still be shown here). Another address, https://cyber.gouv.fr/prestataires-de-services-dinformatique-en-nuage-secnumcloud, has also been given for it."
}

source "snc_ref_32" {
  title = "ANSSI, SecNumCloud référentiel d'exigences v3.2 (§19.6: EU headquarters and EU-controlled capital)"
  url   = "https://cyber.gouv.fr/documents/388/secnumcloud-referentiel-exigences-v3.2.pdf"
  date  = "2022-03-08"
}

source "eu_member_states" {
  title = "European Union, EU countries (27 member states since 1 February 2020)"
  url   = "https://european-union.europa.eu/principles-countries-history/eu-countries_en"
  date  = "2026-09"
}

source "eea_agreement" {
  title = "EFTA, EEA Agreement: the EU member states plus Iceland, Liechtenstein and Norway"
  url   = "https://www.efta.int/eea/eea-agreement"
  date  = "2026-09"
}
