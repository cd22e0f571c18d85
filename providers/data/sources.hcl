# Sources shared by several providers. A provider's own sources live in its
# file. Every fact in the catalog cites at least one key declared here or
# there; `sovlint providers --format json` prints them.

source "anssi_catalogue" {
  title = "ANSSI, catalogue des produits et services qualifiés (PDF), mis à jour le 15/09/2026"
  url   = "https://messervices.cyber.gouv.fr/visas/catalogue-produits-services-profils-de-protection-sites-certifies-qualifies-agrees-anssi.pdf"
  date  = "2026-09-15"
  note  = "The authority for SecNumCloud status. Not opened directly by this project: read through the relays anssi_relay_r1 and anssi_relay_r2."
}

source "anssi_relay_r1" {
  title = "Public review note transcribing the ANSSI catalogue, with decision numbers (research/anssi.md R1)"
  date  = "2026-09-13"
  note  = "Second-hand copy of anssi_catalogue; see shared/research/anssi.md"
}

source "anssi_relay_r2" {
  title = "Public price/label survey transcribing the ANSSI catalogue and the 'en cours' page (research/anssi.md R2)"
  date  = "2026-09-26"
  note  = "Second-hand copy of anssi_catalogue; see shared/research/anssi.md"
}

source "anssi_snc_list_page" {
  title = "ANSSI, prestataires SecNumCloud en cours de qualification"
  url   = "https://cyber.gouv.fr/offre-de-service/solutions-certifiees-et-qualifiees/services-de-securite-evalue/solutions-en-cours-de-qualification/prestataires-secnumcloud/"
  date  = "2026-09-26"
  note  = "Lags the PDF catalogue (research/anssi.md section 4)"
}

source "snc_ref_32" {
  title = "ANSSI, SecNumCloud référentiel d'exigences v3.2 (§19.6: EU headquarters and EU-controlled capital)"
  url   = "https://cyber.gouv.fr/documents/388/secnumcloud-referentiel-exigences-v3.2.pdf"
  date  = "2022-03-08"
}

source "research_sovereignty" {
  title = "sovlint research draft v0.1: cloud sovereignty data set (shared/research/sovereignty.md)"
  date  = "2026-09"
  note  = "Compiles provider docs, code and press with per-fact confidence labels"
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
