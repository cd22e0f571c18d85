#!/usr/bin/env bash
# realplan.sh N OUT: makes a real Terraform plan of the corpus case
# modules-count-aliases with gen.sh N (30·N resources) and writes its
# `terraform show -json` to OUT. It needs terraform on PATH and the AWS
# provider in a filesystem mirror (TF_MIRROR, default /opt/tf-plugins); it
# never reaches the network. Exit status 3 means "cannot here": the caller
# skips the row.
set -euo pipefail

n=$1 out=$2
corpus=${SOVLINT_CORPUS:-/work/shared/corpus}/terraform-aws/modules-count-aliases
mirror=${TF_MIRROR:-/opt/tf-plugins}

if ! command -v terraform >/dev/null || [ ! -d "$mirror/registry.terraform.io/hashicorp/aws" ] || [ ! -x "$corpus/gen.sh" ]; then
	echo "realplan: terraform, the AWS provider mirror ($mirror) or the corpus ($corpus) is missing" >&2
	exit 3
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/sovlint-realplan.XXXXXX")
trap 'rm -rf "$work"' EXIT
cat >"$work/terraformrc" <<RC
provider_installation {
  filesystem_mirror {
    path    = "$mirror"
    include = ["registry.terraform.io/*/*"]
  }
  direct { exclude = ["registry.terraform.io/*/*"] }
}
RC
export TF_CLI_CONFIG_FILE=$work/terraformrc TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1
mkdir "$work/cfg"
(cd "$work/cfg" && bash "$corpus/gen.sh" "$n")
terraform -chdir="$work/cfg" init -input=false -backend=false >/dev/null
terraform -chdir="$work/cfg" plan -input=false -refresh=false -lock=false -parallelism=50 -out=p >/dev/null
terraform -chdir="$work/cfg" show -json p >"$out.tmp"
mv "$out.tmp" "$out"
