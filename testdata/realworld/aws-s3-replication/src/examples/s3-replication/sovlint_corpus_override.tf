# Not upstream: added for sovlint's real-world corpus (see PROVENANCE.md).
# A team deploying this example for sensitive data tags the origin bucket;
# the replica bucket, in another region, carries no tag of its own.
module "s3_bucket" {
  tags = { DataClassification = "sensitive" }
}
