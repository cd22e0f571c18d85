// Package plan loads `terraform show -json` / `tofu show -json` plans into
// the analyzer's instances: it streams resource_changes, keeps only the
// attributes the catalog reads, and follows the configuration's provider
// blocks and module calls at every depth.
package plan
