package analyzer

import (
	"fmt"
	"slices"
	"strings"

	"github.com/sovlint/sovlint/internal/addrs"
)

// A child resource (an Azure subnet, SQL database or key vault secret, a
// Cloud Storage object) often has no location argument: it is wherever the
// resource it belongs to is. The catalog names, per provider, the
// attributes that point at that parent; the loaders say which resource an
// attribute's expression references; InheritLocations, run once every
// resource of a module tree is resolved, copies the parent's location.

type parentRef struct {
	attribute     string
	configAddress string // module.x.azurerm_mssql_server.main
	key           string // instance key when the reference names one: [0], ["a"]
}

// parentRefs finds, in precedence order, the resources the instance's
// parent attributes reference. References come qualified by their module's
// configuration path, and loaders follow them through module inputs and
// outputs: a parent in a calling or called module is found too.
func parentRefs(in *Instance, attrs []string) []parentRef {
	if in.Refs == nil || len(attrs) == 0 {
		return nil
	}
	var out []parentRef
	for _, attr := range attrs {
		refs, _ := in.Refs.References(attr)
		for _, ref := range refs {
			if addr, key, ok := resourceRef(ref); ok && addr != in.ConfigAddress {
				out = append(out, parentRef{attribute: attr, configAddress: addr, key: key})
				break
			}
		}
	}
	return out
}

// resourceRef reads a managed resource out of a qualified reference:
// "azurerm_mssql_server.main.id" → "azurerm_mssql_server.main";
// "module.a.aws_s3_bucket.b[0].id" → "module.a.aws_s3_bucket.b", "[0]".
func resourceRef(ref string) (addr, key string, ok bool) {
	module := ""
	for {
		rest, found := strings.CutPrefix(ref, "module.")
		if !found {
			break
		}
		name, after, found := strings.Cut(rest, ".")
		if !found || strings.ContainsRune(name, '[') {
			return "", "", false // an output, or a keyed module instance
		}
		module = addrs.Join(module, "module."+name)
		ref = after
	}
	typ, rest, found := strings.Cut(ref, ".")
	if !found || !strings.Contains(typ, "_") {
		return "", "", false // var., local., data., each., count., path., self…
	}
	name := rest
	if i := strings.IndexAny(rest, ".["); i >= 0 {
		name = rest[:i]
		if rest[i] == '[' {
			if j := strings.IndexByte(rest[i:], ']'); j > 0 {
				key = rest[i : i+j+1]
			}
		}
	}
	if name == "" {
		return "", "", false
	}
	return addrs.Join(module, typ+"."+name), key, true
}

// InheritLocations gives each resource that has no location of its own the
// location of the resource it lives in, when that one is resolved. The
// resources must be all the instances of one module tree (one plan or one
// root module), already resolved.
func InheritLocations(resources []Resource) {
	if !slices.ContainsFunc(resources, func(r Resource) bool { return len(r.parents) > 0 }) {
		return
	}
	byConfig := map[string][]int{}
	for i := range resources {
		byConfig[resources[i].ConfigAddress] = append(byConfig[resources[i].ConfigAddress], i)
	}
	// A parent may itself take its location from its own parent (a secret
	// in a vault in a resource group…): settle parents first, depth first,
	// whatever order the plan lists them in. state guards against cycles.
	state := make([]byte, len(resources)) // 0 pending, 1 in progress, 2 settled
	var settle func(i int)
	settle = func(i int) {
		if state[i] != 0 {
			return
		}
		state[i] = 1
		r := &resources[i]
		for _, ref := range r.parents {
			for _, c := range byConfig[ref.configAddress] {
				settle(c)
			}
			p, why := parentOf(resources, byConfig[ref.configAddress], r, ref)
			if p == nil {
				if why != "" && r.Location.Unresolved != "" {
					r.Location.Unresolved += "; its parent " + why
				}
				continue
			}
			r.Location = p.Location
			r.Location.Source = LocationSource{Kind: FromParent, Attribute: ref.attribute, Via: []string{p.Address}}
			r.Variant, r.Region = p.Variant, p.Region
			break
		}
		r.parents = nil
		state[i] = 2
	}
	for i := range resources {
		settle(i)
	}
}

// parentOf picks the parent instance: among the instances in the child's
// module instance, or in a module instance that calls it or that it calls,
// the one with the referenced key, or the only one, or any when all agree
// on the region.
func parentOf(resources []Resource, candidates []int, child *Resource, ref parentRef) (*Resource, string) {
	var same []*Resource
	for _, i := range candidates {
		if related(resources[i].Module, child.Module, moduleOf(ref.configAddress)) {
			same = append(same, &resources[i])
		}
	}
	if ref.key != "" {
		for _, p := range same {
			if strings.HasSuffix(p.Address, ref.key) {
				same = []*Resource{p}
				break
			}
		}
	}
	switch {
	case len(same) == 0:
		return nil, ""
	case !same[0].Location.Resolved():
		return nil, fmt.Sprintf("%s has an unresolved location too", same[0].Address)
	}
	for _, p := range same[1:] {
		if p.Location.Key() != same[0].Location.Key() || !p.Location.Resolved() {
			return nil, fmt.Sprintf("%s has instances in several locations", ref.configAddress)
		}
	}
	return same[0], ""
}

// related reports whether an instance in module instance candidate can be
// the one a reference made from module instance from names, when the
// reference leads to a block in the module configuration refModule:
// within the module calls the two paths share, the instance keys must be
// the same. module.a["x"] reaches module.a["x"].module.b and, through
// outputs, module.a["x"].module.c, never module.a["y"].module.c.
func related(candidate, from, refModule string) bool {
	shared := sharedModuleSteps(addrs.StripInstanceKeys(from), refModule)
	prefix := moduleInstancePrefix(from, shared)
	return prefix == "" || candidate == prefix || strings.HasPrefix(candidate, prefix+".")
}

// moduleOf is the module path of a configuration address.
func moduleOf(configAddr string) string {
	m, _ := addrs.SplitModule(configAddr)
	return m
}

// sharedModuleSteps counts the module calls two configuration paths start
// with in common.
func sharedModuleSteps(a, b string) int {
	as, bs := strings.Split(a, "."), strings.Split(b, ".")
	n := 0
	for i := 0; i+1 < len(as) && i+1 < len(bs) && as[i] == "module" && bs[i] == "module" && as[i+1] == bs[i+1]; i += 2 {
		n++
	}
	return n
}

// moduleInstancePrefix is the first n module calls of a module instance
// address, keys included.
func moduleInstancePrefix(instance string, n int) string {
	if n == 0 || instance == "" {
		return ""
	}
	steps, err := addrs.Parse(instance)
	if err != nil {
		return instance
	}
	var b strings.Builder
	for i := 0; i < len(steps) && i < 2*n; i++ {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(steps[i].Name)
		if steps[i].HasKey {
			b.WriteString("[" + steps[i].Key + "]")
		}
	}
	return b.String()
}
