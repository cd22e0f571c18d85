package analyzer

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/zclconf/go-cty/cty"
)

func TestLookupAttr(t *testing.T) {
	nodes := cty.ListVal([]cty.Value{
		cty.ObjectVal(map[string]cty.Value{"region": cty.StringVal("GRA"), "flavor": cty.StringVal("db1-4")}),
		cty.ObjectVal(map[string]cty.Value{"region": cty.StringVal("SBG"), "flavor": cty.StringVal("db1-4")}),
	})
	attrs := Attrs{
		"nodes":       {Value: nodes, Set: true},
		"api.region":  {Value: cty.StringVal("eu-west-2"), Set: true},
		"placement":   {Value: cty.MapVal(map[string]cty.Value{"region": cty.StringVal("fr-par")}), Set: true},
		"pending":     {Value: cty.UnknownVal(cty.List(cty.Object(map[string]cty.Type{"region": cty.String}))), Set: true},
		"empty_nodes": {Value: cty.ListValEmpty(cty.Object(map[string]cty.Type{"region": cty.String})), Set: true},
	}
	tests := []struct {
		path string
		want string // "" when not found, "?" when unknown, "list" for a collection
	}{
		{path: "api.region", want: "eu-west-2"},    // provider paths are stored whole
		{path: "nodes.region", want: "GRA"},        // first element of a list of objects
		{path: "placement.region", want: "fr-par"}, // a map
		{path: "pending.region", want: "?"},        // unknown until apply
		{path: "nodes.zone", want: ""},             // no such attribute
		{path: "empty_nodes.region", want: ""},     // nothing to descend into
		{path: "absent.region", want: ""},          // no such top-level attribute
		{path: "region", want: ""},                 // a plain name that is absent
		{path: "nodes.region.deeper", want: ""},    // a string has no attributes
		{path: "api.region.x", want: ""},           // not a prefix match on stored paths
		{path: "placement.zone", want: ""},         // a map without the key
		{path: "nodes", want: "list"},              // the whole value when asked for
		{path: "pending", want: "?"},               // unknown top-level value
		{path: "empty_nodes", want: "list"},        // present, even if empty
		{path: "nodes.flavor", want: "db1-4"},      // any attribute of the first node
		{path: "placement.region.again", want: ""}, // descending past a string
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			a, ok := lookupAttr(attrs, tt.path)
			got := ""
			switch {
			case !ok:
			case !a.Value.IsKnown():
				got = "?"
			case a.Value.Type() == cty.String:
				got = a.Value.AsString()
			default:
				got = "list"
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("lookupAttr(%q) (-want +got):\n%s", tt.path, diff)
			}
			if ok && !a.Set {
				t.Errorf("lookupAttr(%q) lost the Set flag of the top-level attribute", tt.path)
			}
		})
	}
}
