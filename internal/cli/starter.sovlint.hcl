# sovlint configuration (https://github.com/sovlint/sovlint).
# `sovlint scan` reads the .sovlint.hcl in the scanned directory or its
# nearest parent; --config names another file.

policy {
  # Which findings fail the run (exit status 1): "notice" (all of them),
  # "warning" or "error". --fail-on on the command line wins.
  fail_on = "notice"

  # Where sensitive data may live: "eu" (EU member states, the default),
  # "eea", or ISO country codes.
  # residency = ["eu"]

  # A jurisdiction's doctrine as the starting policy: "fr-cloud-au-centre"
  # (the default), "de-bsi-c5", "it-acn", "es-ens" or "eu-csf"; and the
  # certifications sensitive resources must hold, as "scheme" or
  # "scheme:minimum-level" (SOV007; see docs/schemes.md).
  # preset         = "fr-cloud-au-centre"
  # certifications = ["secnumcloud"]

  # What is sensitive. A resource is checked when one of its tags (AWS tags
  # and the provider's default_tags, Google labels and default_labels,
  # Azure tags...) has one of these keys, compared without case, "-", "_",
  # "." or spaces, with a value of a level below. Untagged resources are not
  # checked: tag those that hold sensitive data, or classify everything a
  # provider creates through its default tags.
  # classification_keys = ["DataClassification", "classification", "DataSensitivity", "sensitivity", "confidentiality"]

  # The levels, most restrictive first: the tag values that mean each one,
  # and the rules its resources must pass.
  # level "sensitive" {
  #   values  = ["sensitive", "sensible", "secret", "restricted", "diffusion-restreinte", "DR"]
  #   require = ["SOV001", "SOV002", "SOV003", "SOV004", "SOV005", "SOV006"]
  # }

  # Resources whose classification tag cannot be read statically are
  # checked as "sensitive" (the default: fail closed) or not at all
  # ("ignore").
  # unknown_classification = "sensitive"
}

# Directories a recursive scan skips, as globs relative to this file's
# directory (--exclude adds more, relative to the scanned directory).
#
# exclude = ["examples/**", "**/test"]

# Change a rule's severity (notice, warning or error), or turn it off.
# `sovlint explain` lists the rules.
#
# rule "SOV003" {
#   severity = "warning"
#   enabled  = true
# }

# Accept findings on some resources, with a reason and an expiry date.
# Addresses are globs: "module.legacy.*" covers everything in module.legacy
# and its instances. Leave out rules to waive every rule. An expired
# exception stops suppressing and is reported (SOV000), and so is one that
# matches nothing.
#
# In a monorepo, `roots = ["envs/prod"]` limits an exception to some root
# modules (globs relative to this file's directory); without it, the
# exception applies in every root.
#
# exception {
#   addresses = ["module.legacy.*", "aws_s3_bucket.archive"]
#   rules     = ["SOV001", "SOV002"]
#   reason    = "migration to a SecNumCloud-qualified offer, tracked in INFRA-42"
#   expires   = "2027-03-31"
#   owner     = "team-platform"
# }
