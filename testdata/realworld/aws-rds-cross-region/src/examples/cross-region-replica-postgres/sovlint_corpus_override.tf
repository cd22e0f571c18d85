# Not upstream: added for sovlint's real-world corpus (see PROVENANCE.md).
# A team deploying this example for restricted data marks the master
# database with the official French marking; the cross-region replica is
# created from it and carries no marking of its own.
module "master" {
  tags = merge(local.tags, { DataClassification = "Diffusion Restreinte" })
}
