# Not upstream: added for sovlint's real-world corpus (see PROVENANCE.md).
# The example's terraform.tfvars leaves the region commented out
# (#region = "eu-west-2"); a user running it sets it, as here.
region = "eu-west-2"
