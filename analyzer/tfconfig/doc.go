// Package tfconfig loads Terraform/OpenTofu source directories into the
// analyzer's instances, as a plan of them would hold them: it reads the
// module tree, evaluates variables, locals, count and for_each with
// Terraform's functions, and finds the inline sovlint:ignore comments. It
// never runs anything and never reaches the network.
package tfconfig
