# Not upstream: added for sovlint's real-world corpus (see PROVENANCE.md).
# The inputs a team gives this module for a zonal cluster in Paris running
# restricted workloads.
project_id = "corpus-project"
name       = "corpus-gke"
location   = "europe-west9-b"
resource_labels = {
  data-classification = "sensitive"
}
