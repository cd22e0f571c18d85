# Not upstream: added for sovlint's real-world corpus (see PROVENANCE.md).
# A team deploying this example for sensitive data tags the storage account.
module "this" {
  tags = { DataClassification = "sensitive" }
}
