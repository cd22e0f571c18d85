# Not upstream: added for sovlint's real-world corpus (see PROVENANCE.md).
# A team keeping sensitive files in this OVHcloud bucket tags it.
resource "aws_s3_bucket" "my-bucket-s3" {
  tags = { DataClassification = "sensitive" }
}
