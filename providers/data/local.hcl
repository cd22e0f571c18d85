# Providers that create nothing on anyone's infrastructure: their resources
# live only in Terraform state. They have no location and no operator, and
# sovlint does not report them as unknown providers.

provider "local-utilities" {
  name     = "Local utility providers (random, null, time, tls, local, archive, cloudinit, template, external, terraform_data)"
  registry = ["hashicorp/random", "hashicorp/null", "hashicorp/time", "hashicorp/tls", "hashicorp/local", "hashicorp/archive", "hashicorp/cloudinit", "hashicorp/template", "hashicorp/external", "terraform.io/builtin/terraform"]
  local    = true
}

# The Azure Verified Modules' telemetry provider: its modtm_telemetry
# resource reports a module's use to Microsoft and holds no data of the
# configuration (registry.terraform.io/providers/Azure/modtm,
# github.com/Azure/terraform-provider-modtm).
provider "azure-modtm" {
  name     = "Azure Verified Modules telemetry (modtm)"
  registry = ["Azure/modtm"]
  local    = true
}
