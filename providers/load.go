package providers

import (
	"embed"
	"fmt"
	"io/fs"
	"maps"
	"net/url"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/sovlint/sovlint/internal/nesting"
)

//go:embed data/*.hcl
var embedded embed.FS

var (
	defaultOnce    sync.Once
	defaultCatalog *Catalog
	defaultErr     error
)

// Default returns the catalog embedded in the binary, built once on first
// use from the data files as catalog_snapshot.go holds them decoded (a test
// keeps the two the same). A broken embedded catalog is a build defect that
// a test catches.
func Default() *Catalog {
	defaultOnce.Do(func() {
		a := newAssembly(nil, true)
		a.add(snapshotUnits)
		defaultCatalog, defaultErr = a.finish()
		if defaultCatalog != nil {
			defaultCatalog.Origin = OriginEmbedded
		}
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
	units, err := parseFiles(files)
	if err != nil {
		return nil, err
	}
	a := newAssembly(nil, true)
	a.add(units)
	return a.finish()
}

// parseFiles parses and decodes files in name order, so that units and
// diagnostics come out the same on every run. Its error is the
// hcl.Diagnostics of every file, not only the first that fails.
func parseFiles(files map[string][]byte) ([]catalogUnit, error) {
	var (
		units []catalogUnit
		diags hcl.Diagnostics
	)
	for _, n := range slices.Sorted(maps.Keys(files)) {
		u, d := parseFile(n, files[n])
		diags = append(diags, d...)
		if !d.HasErrors() {
			units = append(units, u)
		}
	}
	if diags.HasErrors() {
		return nil, diags
	}
	return units, nil
}

// parseFile parses and decodes one data file.
func parseFile(name string, src []byte) (catalogUnit, hcl.Diagnostics) {
	if d := nesting.Config(src, name); d != nil {
		return catalogUnit{}, hcl.Diagnostics{d}
	}
	f, diags := hclsyntax.ParseConfig(src, name, hcl.InitialPos)
	if diags.HasErrors() {
		return catalogUnit{}, diags
	}
	var cf catalogFile
	d := gohcl.DecodeBody(f.Body, nil, &cf)
	return catalogUnit{file: name, blocks: cf}, append(diags, d...)
}

// Extend returns a new catalog: base with the source, country_group and
// provider blocks of body added, in the data files' schema. A provider block
// whose ID the catalog knows amends that provider: its regions are added,
// its offers replace the offers of the same ID and take precedence over the
// others, its operator and secnumcloud blocks replace the catalog's, and its
// variants are merged by ID (new ones are tried before the catalog's). base
// is not modified. Errors are hcl.Diagnostics naming filename and line.
func Extend(base *Catalog, body hcl.Body, filename string) (*Catalog, error) {
	if body == nil {
		return base, nil
	}
	var cf catalogFile
	if d := gohcl.DecodeBody(body, nil, &cf); d.HasErrors() {
		return nil, d
	}
	if len(cf.Sources)+len(cf.Groups)+len(cf.Schemes)+len(cf.Providers)+len(cf.Bundles) == 0 {
		return base, nil
	}
	a := newAssembly(base, false)
	a.add([]catalogUnit{{file: filename, blocks: cf}})
	return a.finish()
}

// catalogUnit is one decoded file (or configuration body).
type catalogUnit struct {
	file   string
	blocks catalogFile
}

// assembly builds a catalog from decoded units, either from nothing (the
// data files, where a provider ID may be declared once) or on top of a base
// catalog (an extension, where a known ID amends the provider).
type assembly struct {
	base *Catalog
	// public holds the assembly to the standard of the shipped data: every
	// source is a public document a reader can open (a URL, or a public
	// repository the URL is made from). A .sovlint.hcl extension may cite
	// the user's own documents, such as a hosting contract.
	public bool
	// overlay lets a bundle loaded on top of the embedded catalog replace
	// the embedded catalog's sources (a newer edition of a document).
	overlay bool
	bundle  *bundleBlock // the bundle block of the units, if any
	cat     *Catalog
	b       builder
	touched map[string]bool // providers built or amended here, to validate
}

func newAssembly(base *Catalog, public bool) *assembly {
	c := &Catalog{Sources: map[string]*Source{}, groups: map[string]*CountryGroup{}, schemes: map[string]*Scheme{}}
	if base != nil {
		c.Version, c.AsOf, c.Origin, c.Base = base.Version, base.AsOf, base.Origin, base.Base
		maps.Copy(c.Sources, base.Sources)
		maps.Copy(c.groups, base.groups)
		maps.Copy(c.schemes, base.schemes)
		c.Providers = slices.Clone(base.Providers)
	}
	a := &assembly{base: base, public: public, cat: c, touched: map[string]bool{}}
	a.b.schemes = c.schemes
	return a
}

func (a *assembly) add(units []catalogUnit) {
	c, b := a.cat, &a.b
	for _, u := range units {
		for i := range u.blocks.Bundles {
			bb := &u.blocks.Bundles[i]
			switch {
			case !a.public:
				b.errorf(bb.DefRange, "a bundle block belongs in a catalog bundle (--catalog), not in a configuration file")
			case a.bundle != nil:
				b.errorf(bb.DefRange, "the catalog declares a second bundle block (the first is at %s:%d)", a.bundle.DefRange.Filename, a.bundle.DefRange.Start.Line)
			default:
				a.bundle = bb
			}
		}
	}
	base := map[string]bool{}
	if a.base != nil {
		for k := range a.base.Sources {
			base[k] = true
		}
	}
	for _, u := range units {
		for _, s := range u.blocks.Sources {
			if prev, ok := c.Sources[s.Key]; ok && (!a.overlay || !base[s.Key]) {
				b.errorf(s.DefRange, "duplicate source %q (first declared with title %q)", s.Key, prev.Title)
				continue
			}
			delete(base, s.Key) // a bundle replaces a source once
			src := &Source{Key: s.Key, Title: s.Title, URL: s.URL, Repo: s.Repo, Path: s.Path, Commit: s.Commit, Date: s.Date, Note: s.Note}
			if src.URL == "" {
				src.URL = repoURL(src.Repo, src.Commit, src.Path)
			}
			c.Sources[s.Key] = src
			switch {
			case s.Date == "":
				b.errorf(s.DefRange, "source %q has no date", s.Key)
			case !validSourceDate(s.Date):
				b.errorf(s.DefRange, "source %q: date %q is not YYYY-MM-DD, YYYY-MM or YYYY", s.Key, s.Date)
			}
			a.checkSourceURL(src, s.DefRange)
		}
	}
	for _, u := range units {
		for _, g := range u.blocks.Groups {
			if c.groups[g.Name] != nil {
				b.errorf(g.DefRange, "duplicate country group %q", g.Name)
				continue
			}
			c.groups[g.Name] = &CountryGroup{
				Name: g.Name, Countries: g.Countries,
				Fact: b.fact(fmt.Sprintf("country group %q", g.Name), g.DefRange, g.Source, g.AsOf, g.Verified),
			}
			for _, cc := range g.Countries {
				if !validCountry(cc) {
					b.errorf(g.DefRange, "country group %q: %q is not an ISO 3166-1 alpha-2 code", g.Name, cc)
				}
			}
		}
	}
	for _, u := range units {
		for i := range u.blocks.Schemes {
			a.addScheme(&u.blocks.Schemes[i])
		}
	}
	for _, u := range units {
		for i := range u.blocks.Providers {
			pb := &u.blocks.Providers[i]
			idx := slices.IndexFunc(c.Providers, func(p *Provider) bool { return p.ID == pb.ID })
			switch {
			case idx >= 0 && a.base == nil:
				b.errorf(pb.DefRange, "duplicate provider %q (first declared in %s)", pb.ID, c.Providers[idx].File)
			case idx >= 0:
				if p := b.amend(c.Providers[idx], pb); p != nil {
					c.Providers[idx] = p
					a.touched[p.ID] = true
				}
			default:
				if p := b.provider(pb, u.file); p != nil {
					c.Providers = append(c.Providers, p)
					a.touched[p.ID] = true
				}
			}
		}
	}
}

func (a *assembly) finish() (*Catalog, error) {
	c, b := a.cat, &a.b
	if c.groups["eu"] == nil {
		b.diags = append(b.diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: `the catalog must declare country_group "eu"`})
	}
	slices.SortFunc(c.Providers, func(x, y *Provider) int { return strings.Compare(x.ID, y.ID) })
	c.byRegistry = map[string]*Provider{}
	c.byType = map[string]*Provider{}
	// Providers this call did not touch keep their addresses: a conflict
	// is reported on the block that introduced it.
	ordered := slices.Clone(c.Providers)
	slices.SortStableFunc(ordered, func(x, y *Provider) int {
		return cmpBool(a.touched[x.ID], a.touched[y.ID])
	})
	for _, p := range ordered {
		if a.touched[p.ID] {
			b.checkProvider(p)
		}
		for _, r := range p.Registry {
			if other, ok := c.byRegistry[r]; ok {
				b.errorf(p.DeclRange, "registry address %q already belongs to provider %q", r, other.ID)
				continue
			}
			c.byRegistry[r] = p
			if t := r[strings.LastIndexByte(r, '/')+1:]; c.byType[t] == nil || strings.HasPrefix(r, "hashicorp/") {
				c.byType[t] = p
			}
		}
	}
	for _, p := range ordered {
		if a.touched[p.ID] {
			b.checkEndpoints(c, p)
		}
	}
	b.checkFacts(c.Sources)
	if b.diags.HasErrors() {
		return nil, b.diags
	}
	if a.base == nil {
		c.AsOf = ""
		for _, f := range b.facts {
			if f.fact.AsOf > c.AsOf {
				c.AsOf = f.fact.AsOf
			}
		}
	}
	if a.bundle != nil {
		a.checkBundle(a.bundle)
		if b.diags.HasErrors() {
			return nil, b.diags
		}
		c.Version, c.AsOf = a.bundle.Version, a.bundle.AsOf
	}
	return c, nil
}

// checkBundle checks a bundle block: a version, and an as_of date no older
// than any fact the bundle states (a bundle cannot be fresher than it says,
// nor claim to be older than its newest fact).
func (a *assembly) checkBundle(bb *bundleBlock) {
	b := &a.b
	if !versionRe().MatchString(bb.Version) {
		b.errorf(bb.DefRange, "bundle: version %q must be letters, digits, dots, dashes or pluses, such as \"2026.12.01\"", bb.Version)
	}
	asOf, err := time.Parse(time.DateOnly, bb.AsOf)
	if err != nil {
		b.errorf(bb.DefRange, "bundle: as_of %q is not a date (YYYY-MM-DD)", bb.AsOf)
		return
	}
	for _, f := range b.facts {
		if t, ok := parseAsOf(f.fact.AsOf); ok && t.After(asOf) {
			b.errorf(f.fact.DeclRange, "%s is as of %s, after the bundle's as_of %s", f.what, f.fact.AsOf, bb.AsOf)
		}
	}
}

// checkSourceURL requires of a public catalog's source an http(s) URL:
// a title alone ("research notes", "internal review") is not something a
// reader can follow.
func (a *assembly) checkSourceURL(src *Source, rng hcl.Range) {
	if src.URL == "" {
		if a.public {
			a.b.errorf(rng, "source %q has no url (nor a public repo to make one from): every source of a catalog must be a public document", src.Key)
		}
		return
	}
	u, err := url.Parse(src.URL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		a.b.errorf(rng, "source %q: url is not an http(s) address", src.Key)
	}
}

// repoURL is the address of a file of a public GitHub repository at a
// commit, or "" without a repository.
func repoURL(repo, commit, file string) string {
	if repo == "" {
		return ""
	}
	u := "https://github.com/" + repo
	if commit == "" && file == "" {
		return u
	}
	ref := commit
	if ref == "" {
		ref = "HEAD"
	}
	kind := "blob"
	if file == "" || strings.HasSuffix(file, "/") {
		kind = "tree"
	}
	return u + "/" + kind + "/" + ref + "/" + strings.TrimSuffix(file, "/")
}

// cmpBool orders false before true.
func cmpBool(x, y bool) int {
	switch {
	case x == y:
		return 0
	case !x:
		return -1
	}
	return 1
}

func errAt(rng hcl.Range, format string, args ...any) *hcl.Diagnostic {
	r := rng
	return &hcl.Diagnostic{Severity: hcl.DiagError, Summary: fmt.Sprintf(format, args...), Subject: &r}
}

// The HCL schema of the data files. gohcl cannot flatten embedded structs,
// so every fact block spells out source, as_of and verified.

type catalogFile struct {
	Bundles   []bundleBlock   `hcl:"bundle,block"`
	Sources   []sourceBlock   `hcl:"source,block"`
	Groups    []groupBlock    `hcl:"country_group,block"`
	Schemes   []schemeBlock   `hcl:"scheme,block"`
	Providers []providerBlock `hcl:"provider,block"`
}

type schemeBlock struct {
	ID               string        `hcl:"id,label"`
	Name             string        `hcl:"name"`
	Country          string        `hcl:"country"`
	Grades           string        `hcl:"grades"`
	Issuer           string        `hcl:"issuer,optional"`
	RegisterURL      string        `hcl:"register_url,optional"`
	Ladders          []ladderBlock `hcl:"ladder,block"`
	Versions         []string      `hcl:"versions,optional"`
	RequiresValidity bool          `hcl:"requires_validity,optional"`
	Note             string        `hcl:"note,optional"`
	Source           []string      `hcl:"source,optional"`
	AsOf             string        `hcl:"as_of,optional"`
	Verified         string        `hcl:"verified,optional"`
	DefRange         hcl.Range     `hcl:",def_range"`
}

type ladderBlock struct {
	Name   string   `hcl:"name,label"`
	Levels []string `hcl:"levels"`
}

type certificationBlock struct {
	ID                string    `hcl:"id,label"`
	Scheme            string    `hcl:"scheme"`
	Level             string    `hcl:"level,optional"`
	Status            string    `hcl:"status"`
	SchemeVersion     string    `hcl:"scheme_version,optional"`
	Issuer            string    `hcl:"issuer,optional"`
	RegisterURL       string    `hcl:"register_url,optional"`
	CertificateID     string    `hcl:"certificate_id,optional"`
	ValidFrom         string    `hcl:"valid_from,optional"`
	ValidUntil        string    `hcl:"valid_until,optional"`
	ObservationPeriod string    `hcl:"observation_period,optional"`
	Regions           []string  `hcl:"regions,optional"`
	ResourceTypes     []string  `hcl:"resource_types,optional"`
	ListedOnly        bool      `hcl:"listed_only,optional"`
	Note              string    `hcl:"note,optional"`
	Source            []string  `hcl:"source,optional"`
	AsOf              string    `hcl:"as_of,optional"`
	Verified          string    `hcl:"verified,optional"`
	DefRange          hcl.Range `hcl:",def_range"`
}

// bundleBlock names a catalog's data: its version, the date it is current
// at, and whether it stands alone or extends the embedded catalog.
type bundleBlock struct {
	Version  string    `hcl:"version"`
	AsOf     string    `hcl:"as_of"`
	Extends  string    `hcl:"extends,optional"`
	Note     string    `hcl:"note,optional"`
	DefRange hcl.Range `hcl:",def_range"`
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

// providerBlock's name and registry are optional in the schema because a
// .sovlint.hcl block amending a known provider needs neither; the builder
// requires them of a new provider.
type providerBlock struct {
	ID       string             `hcl:"id,label"`
	Name     string             `hcl:"name,optional"`
	Registry []string           `hcl:"registry,optional"`
	Local    bool               `hcl:"local,optional"` // no infrastructure: random, null, tls…
	Location *locationBlock     `hcl:"location,block"`
	Tags     *tagsBlock         `hcl:"tags,block"`
	Global   []globalBlock      `hcl:"global_service,block"`
	Replicas []replicationBlock `hcl:"replication,block"`
	Endpoint []endpointBlock    `hcl:"endpoint,block"`
	Variants []variantBlock     `hcl:"variant,block"`
	Rest     hcl.Body           `hcl:",remain"` // decoded as an offeringBlock
	DefRange hcl.Range          `hcl:",def_range"`
	decoded  *offeringBlock     // Rest, when it is already decoded
}

type offeringBlock struct {
	Operator       *operatorBlock       `hcl:"operator,block"`
	SecNumCloud    *statusBlock         `hcl:"secnumcloud,block"`
	Offers         []offerBlock         `hcl:"offer,block"`
	Certifications []certificationBlock `hcl:"certification,block"`
	Regions        []regionsBlock       `hcl:"regions,block"`
	DefaultRegion  string               `hcl:"default_region,optional"`
}

type operatorBlock struct {
	Name           string    `hcl:"name"`
	Country        string    `hcl:"country,optional"` // omitted when the operating entity is not established
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
	ID            string   `hcl:"id,label"`
	Name          string   `hcl:"name"`
	Status        string   `hcl:"status"`
	Regions       []string `hcl:"regions,optional"`
	ResourceTypes []string `hcl:"resource_types,optional"`
	QualifiedFrom string   `hcl:"qualified_from,optional"`
	ValidUntil    string   `hcl:"valid_until,optional"`
	Decision      string   `hcl:"decision,optional"`
	ListedOnly    bool     `hcl:"listed_only,optional"`
	// Certifications of the offer by other schemes.
	Certifications []certificationBlock `hcl:"certification,block"`
	Note           string               `hcl:"note,optional"`
	Source         []string             `hcl:"source,optional"`
	AsOf           string               `hcl:"as_of,optional"`
	Verified       string               `hcl:"verified,optional"`
	DefRange       hcl.Range            `hcl:",def_range"`
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
	ParentAttributes   []string          `hcl:"parent_attributes,optional"`
	ValuePatterns      map[string]string `hcl:"value_patterns,optional"`
	ZonePatterns       []string          `hcl:"zone_patterns,optional"`
	Env                []string          `hcl:"env,optional"`
	ZoneDataSources    []string          `hcl:"zone_data_sources,optional"`
	DefRange           hcl.Range         `hcl:",def_range"`
}

type tagsBlock struct {
	ResourceAttributes []string        `hcl:"resource_attributes,optional"`
	ProviderAttributes []string        `hcl:"provider_attributes,optional"`
	Effective          string          `hcl:"effective,optional"`
	ForTypes           []typeTagsBlock `hcl:"for_types,block"`
}

// typeTagsBlock says where some resource types keep their tags.
type typeTagsBlock struct {
	ResourceTypes      []string  `hcl:"resource_types"`
	ResourceAttributes []string  `hcl:"resource_attributes"`
	ProviderDefaults   *bool     `hcl:"provider_defaults,optional"` // false: the provider's default tags do not reach these types
	Note               string    `hcl:"note,optional"`
	Source             []string  `hcl:"source,optional"`
	AsOf               string    `hcl:"as_of,optional"`
	Verified           string    `hcl:"verified,optional"`
	DefRange           hcl.Range `hcl:",def_range"`
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
	Name                 string    `hcl:"name,label"`
	ResourceTypes        []string  `hcl:"resource_types"`
	Path                 string    `hcl:"path,optional"`
	SourceReference      string    `hcl:"source_reference,optional"`
	DestinationReference string    `hcl:"destination_reference,optional"`
	ValuePattern         string    `hcl:"value_pattern,optional"`
	WhenValues           []string  `hcl:"when_values,optional"`
	Note                 string    `hcl:"note,optional"`
	Source               []string  `hcl:"source,optional"`
	AsOf                 string    `hcl:"as_of,optional"`
	Verified             string    `hcl:"verified,optional"`
	DefRange             hcl.Range `hcl:",def_range"`
}

type endpointBlock struct {
	Name          string    `hcl:"name,label"`
	Attribute     string    `hcl:"attribute"`
	ResourceTypes []string  `hcl:"resource_types"`
	Host          string    `hcl:"host"`
	OperatedBy    string    `hcl:"operated_by"`
	Region        string    `hcl:"region,optional"`
	Note          string    `hcl:"note,optional"`
	Source        []string  `hcl:"source,optional"`
	AsOf          string    `hcl:"as_of,optional"`
	Verified      string    `hcl:"verified,optional"`
	DefRange      hcl.Range `hcl:",def_range"`
}

// variantBlock's name and when are optional for the same reason as
// providerBlock's.
type variantBlock struct {
	ID             string         `hcl:"id,label"`
	Name           string         `hcl:"name,optional"`
	InheritRegions *bool          `hcl:"inherit_regions,optional"`
	When           *matchBlock    `hcl:"when,block"`
	Rest           hcl.Body       `hcl:",remain"` // decoded as an offeringBlock
	DefRange       hcl.Range      `hcl:",def_range"`
	decoded        *offeringBlock // Rest, when it is already decoded
}

type matchBlock struct {
	Attribute     string    `hcl:"attribute,optional"`
	Equals        []string  `hcl:"equals,optional"`
	NotIn         []string  `hcl:"not_in,optional"`
	Matches       string    `hcl:"matches,optional"`
	RegionPattern string    `hcl:"region_pattern,optional"`
	DefRange      hcl.Range `hcl:",def_range"`
}
