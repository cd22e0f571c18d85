package analyzer

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestResourceRef(t *testing.T) {
	type want struct {
		addr, key string
		ok        bool
	}
	for ref, w := range map[string]want{
		"azurerm_mssql_server.main.id":            {"azurerm_mssql_server.main", "", true},
		"azurerm_mssql_server.main":               {"azurerm_mssql_server.main", "", true},
		"aws_s3_bucket.b[0].id":                   {"aws_s3_bucket.b", "[0]", true},
		`google_storage_bucket.b["x"]`:            {"google_storage_bucket.b", `["x"]`, true},
		"module.a.module.b.aws_s3_bucket.b[0].id": {"module.a.module.b.aws_s3_bucket.b", "[0]", true},
		"module.a.azapi_resource.this.id":         {"module.a.azapi_resource.this", "", true},
		`module.a["x"].aws_s3_bucket.b.id`:        {},
		"module.a.output_name":                    {},
		"var.server_id":                           {},
		"local.x":                                 {},
		"module.db.server_id":                     {},
		"data.azurerm_mssql_server.s.id":          {},
		"each.value":                              {},
	} {
		addr, key, ok := resourceRef(ref)
		if diff := cmp.Diff(w, want{addr, key, ok}, cmp.AllowUnexported(want{})); diff != "" {
			t.Errorf("resourceRef(%q) (-want +got):\n%s", ref, diff)
		}
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

func (m mapRefs) References(attr string) ([]string, bool) {
	if r, ok := m[attr]; ok {
		return []string{r}, true
	}
	return nil, false
}

func TestRelated(t *testing.T) {
	for _, tt := range []struct {
		candidate, from, refModule string
		want                       bool
	}{
		{"", "", "", true},
		{"module.a", "module.a", "module.a", true},
		{"", `module.a["x"]`, "", true},                                                 // a parent in the root
		{`module.a["x"]`, `module.a["x"].module.b`, "module.a", true},                   // in the calling module
		{`module.a["y"]`, `module.a["x"].module.b`, "module.a", false},                  // another instance of it
		{`module.a["x"].module.c`, `module.a["x"].module.b`, "module.a.module.c", true}, // a sibling, through outputs
		{`module.a["y"].module.c`, `module.a["x"].module.b`, "module.a.module.c", false},
		{"module.master.module.db", "module.replica.module.db", "module.master.module.db", true},
	} {
		if got := related(tt.candidate, tt.from, tt.refModule); got != tt.want {
			t.Errorf("related(%q, %q, %q) = %v, want %v", tt.candidate, tt.from, tt.refModule, got, tt.want)
		}
	}
}
