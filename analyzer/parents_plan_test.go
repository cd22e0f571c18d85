package analyzer_test

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sovlint/sovlint/analyzer"
	"github.com/sovlint/sovlint/analyzer/plan"
	"github.com/sovlint/sovlint/providers"
)

// A plan made by real Terraform (tfplan2md's firewall demo): the subnet and
// the rule collection have no location; they are where their network and
// firewall are.
func TestInheritLocationsFromPlan(t *testing.T) {
	path := filepath.Join("..", "testdata", "public", "plan", "azurerm", "tfplan2md__examples_firewall-rules-demo_plan3.json")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res := resolvePlan(t, f, path)
	analyzer.InheritLocations(res)
	got := locations(res)
	want := map[string]string{
		"azurerm_resource_group.demo":                            "germanywestcentral resource location",
		"azurerm_virtual_network.demo":                           "germanywestcentral resource location",
		"azurerm_subnet.firewall":                                "germanywestcentral parent virtual_network_name",
		"azurerm_public_ip.firewall":                             "germanywestcentral resource location",
		"azurerm_firewall.demo":                                  "germanywestcentral resource location",
		"azurerm_firewall_network_rule_collection.network_rules": "germanywestcentral parent azure_firewall_name",
		"azurerm_role_assignment.firewall_contributor_current":   "global global_service ",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("locations (-want +got):\n%s", diff)
	}
}

// A parent passed down to a child module as a variable (an Azure Verified
// Module's parent_id = var.parent_id) is found from a plan too: the plan's
// module call expressions say what the variable references.
func TestParentThroughModuleInputFromPlan(t *testing.T) {
	const planJSON = `{
  "format_version": "1.2",
  "resource_changes": [
    {"address": "azapi_resource.rg", "mode": "managed", "type": "azapi_resource", "name": "rg",
     "provider_name": "registry.terraform.io/azure/azapi",
     "change": {"actions": ["create"], "after": {"location": "francecentral"}, "after_unknown": {}}},
    {"address": "module.this.azapi_resource.this", "module_address": "module.this", "mode": "managed",
     "type": "azapi_resource", "name": "this", "provider_name": "registry.terraform.io/azure/azapi",
     "change": {"actions": ["create"], "after": {}, "after_unknown": {"parent_id": true}}},
    {"address": "module.this.module.inner.azapi_resource.child", "module_address": "module.this.module.inner", "mode": "managed",
     "type": "azapi_resource", "name": "child", "provider_name": "registry.terraform.io/azure/azapi",
     "change": {"actions": ["create"], "after": {}, "after_unknown": {"parent_id": true}}}
  ],
  "configuration": {
    "provider_config": {"azapi": {"name": "azapi", "full_name": "registry.terraform.io/azure/azapi"}},
    "root_module": {
      "resources": [{"address": "azapi_resource.rg", "mode": "managed", "type": "azapi_resource", "name": "rg",
        "provider_config_key": "azapi", "expressions": {"location": {"constant_value": "francecentral"}}}],
      "module_calls": {"this": {
        "source": "./this",
        "expressions": {"parent_id": {"references": ["azapi_resource.rg.id", "azapi_resource.rg"]}},
        "module": {
          "resources": [{"address": "azapi_resource.this", "mode": "managed", "type": "azapi_resource", "name": "this",
            "provider_config_key": "azapi", "expressions": {"parent_id": {"references": ["var.parent_id"]}}}],
          "module_calls": {"inner": {
            "source": "./inner",
            "expressions": {"scope": {"references": ["azapi_resource.this.id", "azapi_resource.this"]}},
            "module": {"resources": [{"address": "azapi_resource.child", "mode": "managed", "type": "azapi_resource", "name": "child",
              "provider_config_key": "azapi", "expressions": {"parent_id": {"references": ["var.scope"]}}}]}
          }}
        }
      }}
    }
  }
}`
	res := resolvePlan(t, strings.NewReader(planJSON), "plan.json")
	analyzer.InheritLocations(res)
	got := locations(res)
	want := map[string]string{
		"azapi_resource.rg":                             "francecentral resource location",
		"module.this.azapi_resource.this":               "francecentral parent parent_id",
		"module.this.module.inner.azapi_resource.child": "francecentral parent parent_id",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("locations (-want +got):\n%s", diff)
	}
}

// resolvePlan streams a plan through a resolver over the embedded
// catalog and the default policy.
func resolvePlan(t *testing.T, r io.Reader, name string) []analyzer.Resource {
	t.Helper()
	cat := providers.Default()
	res, _, err := plan.StreamPlan(r, name, cat.ResourceAttributeNames(), cat.ProviderAttributeNames(), (&analyzer.Resolver{Catalog: cat, Policy: analyzer.DefaultPolicy()}).Resolve)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// locations is each resource's region, where it comes from and the
// attribute that gave it, by address.
func locations(res []analyzer.Resource) map[string]string {
	got := map[string]string{}
	for _, x := range res {
		got[x.Address] = x.Location.Region + " " + string(x.Location.Source.Kind) + " " + x.Location.Source.Attribute
	}
	return got
}
