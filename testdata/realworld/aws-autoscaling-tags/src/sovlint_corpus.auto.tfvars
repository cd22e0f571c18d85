# Not upstream: added for sovlint's real-world corpus (see PROVENANCE.md).
# The inputs a team gives this module to run an Auto Scaling group for
# sensitive workloads in Paris (AWS provider v6 resource-level region).
name   = "corpus-asg"
region = "eu-west-3"
tags = {
  DataClassification = "sensitive"
}
