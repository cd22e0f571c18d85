# Country groups that residency policies are written against.

country_group "eu" {
  countries = ["AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"]
  source    = ["eu_member_states"]
  as_of     = "2026-09"
  verified  = "primary"
}

country_group "eea" {
  countries = ["AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO"]
  source    = ["eea_agreement"]
  as_of     = "2026-09"
  verified  = "primary"
}
