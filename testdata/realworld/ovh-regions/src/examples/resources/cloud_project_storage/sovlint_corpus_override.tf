# Not upstream: added for sovlint's real-world corpus (see PROVENANCE.md).
# A team storing restricted data adds a classification to the example's
# tags (an override file replaces the whole tags argument).
resource "ovh_cloud_project_storage" "storage_with_tags" {
  tags = {
    environment    = "production"
    team           = "platform"
    classification = "sensitive"
  }
}
