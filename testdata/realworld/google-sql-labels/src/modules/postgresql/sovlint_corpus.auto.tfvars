# Not upstream: added for sovlint's real-world corpus (see PROVENANCE.md).
# The inputs a team gives this module for a restricted PostgreSQL database
# in Paris with one read replica in Belgium. Google labels allow only
# lower-case letters, digits, '-' and '_', so the French marking is written
# diffusion_restreinte.
project_id       = "corpus-project"
name             = "corpus-pg"
database_version = "POSTGRES_16"
region           = "europe-west9"
zone             = "europe-west9-a"
user_labels = {
  classification = "diffusion_restreinte"
}
read_replicas = [
  {
    name                = "0"
    zone                = "europe-west1-b"
    user_labels         = {}
    ip_configuration    = { ipv4_enabled = false }
    encryption_key_name = "projects/corpus-project/locations/europe-west1/keyRings/sql/cryptoKeys/replica"
  },
]
