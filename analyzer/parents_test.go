package analyzer

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sovlint/sovlint/providers"
)

func TestResourceRef(t *testing.T) {
	type want struct {
		addr, key string
		ok        bool
	}
	for ref, w := range map[string]want{
		"azurerm_mssql_server.main.id":   {"azurerm_mssql_server.main", "", true},
		"azurerm_mssql_server.main":      {"azurerm_mssql_server.main", "", true},
		"aws_s3_bucket.b[0].id":          {"aws_s3_bucket.b", "[0]", true},
		`google_storage_bucket.b["x"]`:   {"google_storage_bucket.b", `["x"]`, true},
		"var.server_id":                  {},
		"local.x":                        {},
		"module.db.server_id":            {},
		"data.azurerm_mssql_server.s.id": {},
		"each.value":                     {},
	} {
		addr, key, ok := resourceRef(ref)
		if diff := cmp.Diff(w, want{addr, key, ok}, cmp.AllowUnexported(want{})); diff != "" {
			t.Errorf("resourceRef(%q) (-want +got):\n%s", ref, diff)
		}
	}
}

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
	r := &Resolver{Catalog: cat, Policy: DefaultPolicy()}
	res, _, err := StreamPlan(f, path, cat.ResourceAttributeNames(), cat.ProviderAttributeNames(), r.Resolve)
	if err != nil {
		t.Fatal(err)
	}
	InheritLocations(res)
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

// A chain of parents resolves whatever order the resources come in:
// secret → vault (no location of its own here) → resource group.
func TestInheritLocationsChainInAnyOrder(t *testing.T) {
	refs := func(m map[string]string) RefSource { return mapRefs(m) }
	rg := Resource{
		Address: "azurerm_resource_group.rg", ConfigAddress: "azurerm_resource_group.rg",
		Location: Location{Region: "francecentral", Country: "FR", Source: LocationSource{Kind: FromResource}},
	}
	vault := Resource{
		Address: "azurerm_key_vault.v", ConfigAddress: "azurerm_key_vault.v",
		Location: Location{Unresolved: "no location"},
		parents:  parentRefs(&Instance{Type: "azurerm_key_vault", Name: "v", ConfigAddress: "azurerm_key_vault.v", Refs: refs(map[string]string{"resource_group_name": "azurerm_resource_group.rg.name"})}, []string{"resource_group_name"}),
	}
	secret := Resource{
		Address: "azurerm_key_vault_secret.s", ConfigAddress: "azurerm_key_vault_secret.s",
		Location: Location{Unresolved: "no location"},
		parents:  parentRefs(&Instance{Type: "azurerm_key_vault_secret", Name: "s", ConfigAddress: "azurerm_key_vault_secret.s", Refs: refs(map[string]string{"key_vault_id": "azurerm_key_vault.v.id"})}, []string{"key_vault_id"}),
	}
	for name, order := range map[string][]Resource{
		"parents first":  {rg, vault, secret},
		"children first": {secret, vault, rg},
	} {
		res := slices.Clone(order)
		InheritLocations(res)
		for _, r := range res {
			if r.Location.Region != "francecentral" {
				t.Errorf("%s: %s is in %q (%s), want francecentral", name, r.Address, r.Location.Region, r.Location.Unresolved)
			}
		}
	}
}

type mapRefs map[string]string

func (m mapRefs) References(attr string) []string {
	if r, ok := m[attr]; ok {
		return []string{r}
	}
	return nil
}
