package providers

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"
	"github.com/hashicorp/hcl/v2/hclparse"
)

//go:embed data/*.hcl
var embedded embed.FS

var (
	defaultOnce    sync.Once
	defaultCatalog *Catalog
	defaultErr     error
)

// Default returns the catalog embedded in the binary, parsed once on first
// use. A broken embedded catalog is a build defect that a test catches.
func Default() *Catalog {
	defaultOnce.Do(func() {
		defaultCatalog, defaultErr = Load(embedded, "data")
	})
	if defaultErr != nil {
		panic("embedded catalog: " + defaultErr.Error())
	}
	return defaultCatalog
}

// Load reads every *.hcl file under dir of fsys into one catalog.
func Load(fsys fs.FS, dir string) (*Catalog, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.hcl"))
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	files := make(map[string][]byte, len(names))
	for _, n := range names {
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, err
		}
		files[n] = b
	}
	return Parse(files)
}

// Parse builds a catalog from HCL sources keyed by file name. Errors are
// hcl.Diagnostics pointing at the offending line.
func Parse(files map[string][]byte) (*Catalog, error) {
	parser := hclparse.NewParser()
	c := &Catalog{
		Sources:    map[string]*Source{},
		byRegistry: map[string]*Provider{},
		byType:     map[string]*Provider{},
	}
	var diags hcl.Diagnostics
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	var decoded []struct {
		name string
		f    catalogFile
	}
	for _, n := range names {
		f, d := parser.ParseHCL(files[n], n)
		diags = append(diags, d...)
		if d.HasErrors() {
			continue
		}
		var cf catalogFile
		d = gohcl.DecodeBody(f.Body, nil, &cf)
		diags = append(diags, d...)
		if d.HasErrors() {
			continue
		}
		for _, s := range cf.Sources {
			if prev, ok := c.Sources[s.Key]; ok {
				diags = append(diags, errAt(s.DefRange, "duplicate source %q (first declared with title %q)", s.Key, prev.Title))
				continue
			}
			c.Sources[s.Key] = &Source{Key: s.Key, Title: s.Title, URL: s.URL, Repo: s.Repo, Path: s.Path, Commit: s.Commit, Date: s.Date, Note: s.Note}
			if s.Date == "" {
				diags = append(diags, errAt(s.DefRange, "source %q has no date", s.Key))
			}
		}
		decoded = append(decoded, struct {
			name string
			f    catalogFile
		}{n, cf})
	}
	if diags.HasErrors() {
		return nil, diags
	}
	b := &builder{}
	c.groups = map[string]*CountryGroup{}
	for _, d := range decoded {
		for _, g := range d.f.Groups {
			if c.groups[g.Name] != nil {
				diags = append(diags, errAt(g.DefRange, "duplicate country group %q", g.Name))
				continue
			}
			c.groups[g.Name] = &CountryGroup{Name: g.Name, Countries: g.Countries,
				Fact: b.fact(fmt.Sprintf("country group %q", g.Name), g.DefRange, g.Source, g.AsOf, g.Verified)}
			for _, cc := range g.Countries {
				if !validCountry(cc) {
					diags = append(diags, errAt(g.DefRange, "country group %q: %q is not an ISO 3166-1 alpha-2 code", g.Name, cc))
				}
			}
		}
	}
	if c.groups["eu"] == nil {
		diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: `the catalog must declare country_group "eu"`})
	}
	for _, d := range decoded {
		for i := range d.f.Providers {
			p := b.provider(&d.f.Providers[i], d.name)
			if p == nil {
				continue
			}
			if c.ByID(p.ID) != nil {
				diags = append(diags, errAt(d.f.Providers[i].DefRange, "duplicate provider %q", p.ID))
				continue
			}
			c.Providers = append(c.Providers, p)
			for _, r := range p.Registry {
				if other, ok := c.byRegistry[r]; ok {
					diags = append(diags, errAt(d.f.Providers[i].DefRange, "registry address %q already belongs to provider %q", r, other.ID))
					continue
				}
				c.byRegistry[r] = p
				if t := r[strings.LastIndexByte(r, '/')+1:]; c.byType[t] == nil || strings.HasPrefix(r, "hashicorp/") {
					c.byType[t] = p
				}
			}
		}
	}
	b.checkFacts(c.Sources)
	diags = append(diags, b.diags...)
	if diags.HasErrors() {
		return nil, diags
	}
	slices.SortFunc(c.Providers, func(a, b *Provider) int { return strings.Compare(a.ID, b.ID) })
	for _, f := range b.facts {
		if f.fact.AsOf > c.AsOf {
			c.AsOf = f.fact.AsOf
		}
	}
	return c, nil
}

func errAt(rng hcl.Range, format string, args ...any) *hcl.Diagnostic {
	r := rng
	return &hcl.Diagnostic{Severity: hcl.DiagError, Summary: fmt.Sprintf(format, args...), Subject: &r}
}

// The HCL schema of the data files. gohcl cannot flatten embedded structs,
// so every fact block spells out source, as_of and verified.

type catalogFile struct {
	Sources   []sourceBlock   `hcl:"source,block"`
	Groups    []groupBlock    `hcl:"country_group,block"`
	Providers []providerBlock `hcl:"provider,block"`
}

type groupBlock struct {
	Name      string    `hcl:"name,label"`
	Countries []string  `hcl:"countries"`
	Source    []string  `hcl:"source,optional"`
	AsOf      string    `hcl:"as_of,optional"`
	Verified  string    `hcl:"verified,optional"`
	DefRange  hcl.Range `hcl:",def_range"`
}

type sourceBlock struct {
	Key      string    `hcl:"key,label"`
	Title    string    `hcl:"title,optional"`
	URL      string    `hcl:"url,optional"`
	Repo     string    `hcl:"repo,optional"`
	Path     string    `hcl:"path,optional"`
	Commit   string    `hcl:"commit,optional"`
	Date     string    `hcl:"date,optional"`
	Note     string    `hcl:"note,optional"`
	DefRange hcl.Range `hcl:",def_range"`
}

type providerBlock struct {
	ID       string             `hcl:"id,label"`
	Name     string             `hcl:"name"`
	Registry []string           `hcl:"registry"`
	Local    bool               `hcl:"local,optional"` // no infrastructure: random, null, tls…
	Location *locationBlock     `hcl:"location,block"`
	Tags     *tagsBlock         `hcl:"tags,block"`
	Global   []globalBlock      `hcl:"global_service,block"`
	Replicas []replicationBlock `hcl:"replication,block"`
	Variants []variantBlock     `hcl:"variant,block"`
	Rest     hcl.Body           `hcl:",remain"` // decoded as an offeringBlock
	DefRange hcl.Range          `hcl:",def_range"`
}

type offeringBlock struct {
	Operator      *operatorBlock `hcl:"operator,block"`
	SecNumCloud   *statusBlock   `hcl:"secnumcloud,block"`
	Offers        []offerBlock   `hcl:"offer,block"`
	Regions       []regionsBlock `hcl:"regions,block"`
	DefaultRegion string         `hcl:"default_region,optional"`
}

type operatorBlock struct {
	Name           string    `hcl:"name"`
	Country        string    `hcl:"country"`
	Parent         string    `hcl:"parent,optional"`
	ParentCountry  string    `hcl:"parent_country,optional"`
	EULegalControl string    `hcl:"eu_legal_control"`
	Laws           []string  `hcl:"laws,optional"`
	Note           string    `hcl:"note,optional"`
	Source         []string  `hcl:"source,optional"`
	AsOf           string    `hcl:"as_of,optional"`
	Verified       string    `hcl:"verified,optional"`
	DefRange       hcl.Range `hcl:",def_range"`
}

type statusBlock struct {
	Status   string    `hcl:"status"`
	Note     string    `hcl:"note,optional"`
	Source   []string  `hcl:"source,optional"`
	AsOf     string    `hcl:"as_of,optional"`
	Verified string    `hcl:"verified,optional"`
	DefRange hcl.Range `hcl:",def_range"`
}

type offerBlock struct {
	ID            string    `hcl:"id,label"`
	Name          string    `hcl:"name"`
	Status        string    `hcl:"status"`
	Regions       []string  `hcl:"regions,optional"`
	ResourceTypes []string  `hcl:"resource_types,optional"`
	QualifiedFrom string    `hcl:"qualified_from,optional"`
	ValidUntil    string    `hcl:"valid_until,optional"`
	Decision      string    `hcl:"decision,optional"`
	Note          string    `hcl:"note,optional"`
	Source        []string  `hcl:"source,optional"`
	AsOf          string    `hcl:"as_of,optional"`
	Verified      string    `hcl:"verified,optional"`
	DefRange      hcl.Range `hcl:",def_range"`
}

// regionsBlock groups regions read from the same sources on the same date.
type regionsBlock struct {
	Source   []string      `hcl:"source,optional"`
	AsOf     string        `hcl:"as_of,optional"`
	Verified string        `hcl:"verified,optional"`
	Regions  []regionBlock `hcl:"region,block"`
	DefRange hcl.Range     `hcl:",def_range"`
}

type regionBlock struct {
	Code      string    `hcl:"code,label"`
	Name      string    `hcl:"name,optional"`
	Country   string    `hcl:"country,optional"`
	Countries []string  `hcl:"countries,optional"`
	Zones     []string  `hcl:"zones,optional"`
	Aliases   []string  `hcl:"aliases,optional"`
	Pair      string    `hcl:"pair,optional"`
	Global    bool      `hcl:"global,optional"`
	Note      string    `hcl:"note,optional"`
	Source    []string  `hcl:"source,optional"` // overrides the group's
	AsOf      string    `hcl:"as_of,optional"`
	Verified  string    `hcl:"verified,optional"`
	DefRange  hcl.Range `hcl:",def_range"`
}

type locationBlock struct {
	ResourceAttributes []string          `hcl:"resource_attributes,optional"`
	ProviderAttributes []string          `hcl:"provider_attributes,optional"`
	ValuePatterns      map[string]string `hcl:"value_patterns,optional"`
	ZonePatterns       []string          `hcl:"zone_patterns,optional"`
	Env                []string          `hcl:"env,optional"`
	DefRange           hcl.Range         `hcl:",def_range"`
}

type tagsBlock struct {
	ResourceAttributes []string `hcl:"resource_attributes,optional"`
	ProviderAttributes []string `hcl:"provider_attributes,optional"`
	Effective          string   `hcl:"effective,optional"`
}

type globalBlock struct {
	Name          string    `hcl:"name,label"`
	ResourceTypes []string  `hcl:"resource_types"`
	Note          string    `hcl:"note,optional"`
	Source        []string  `hcl:"source,optional"`
	AsOf          string    `hcl:"as_of,optional"`
	Verified      string    `hcl:"verified,optional"`
	DefRange      hcl.Range `hcl:",def_range"`
}

type replicationBlock struct {
	Name          string    `hcl:"name,label"`
	ResourceTypes []string  `hcl:"resource_types"`
	Path          string    `hcl:"path"`
	ValuePattern  string    `hcl:"value_pattern,optional"`
	WhenValues    []string  `hcl:"when_values,optional"`
	Note          string    `hcl:"note,optional"`
	Source        []string  `hcl:"source,optional"`
	AsOf          string    `hcl:"as_of,optional"`
	Verified      string    `hcl:"verified,optional"`
	DefRange      hcl.Range `hcl:",def_range"`
}

type variantBlock struct {
	ID       string     `hcl:"id,label"`
	Name     string     `hcl:"name"`
	When     matchBlock `hcl:"when,block"`
	Rest     hcl.Body   `hcl:",remain"` // decoded as an offeringBlock
	DefRange hcl.Range  `hcl:",def_range"`
}

type matchBlock struct {
	Attribute     string    `hcl:"attribute,optional"`
	Equals        []string  `hcl:"equals,optional"`
	NotIn         []string  `hcl:"not_in,optional"`
	RegionPattern string    `hcl:"region_pattern,optional"`
	DefRange      hcl.Range `hcl:",def_range"`
}
