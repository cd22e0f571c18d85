package analyzer_test

import (
	"os"
	"path/filepath"
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
	cat := providers.Default()
	r := &analyzer.Resolver{Catalog: cat, Policy: analyzer.DefaultPolicy()}
	res, _, err := plan.StreamPlan(f, path, cat.ResourceAttributeNames(), cat.ProviderAttributeNames(), r.Resolve)
	if err != nil {
		t.Fatal(err)
	}
	analyzer.InheritLocations(res)
	got := map[string]string{}
	for _, x := range res {
		got[x.Address] = x.Location.Region + " " + string(x.Location.Source.Kind) + " " + x.Location.Source.Attribute
	}
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
