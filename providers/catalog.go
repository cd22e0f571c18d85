// Package providers is the sovereignty catalog: who operates each Terraform
// provider's infrastructure, where its regions are, which offers are
// SecNumCloud-qualified, and the sources behind every one of those facts.
package providers

import (
	"maps"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// Catalog is the decoded, indexed sovereignty catalog. It is read-only once
// loaded and safe for concurrent use.
type Catalog struct {
	// Version names the catalog's data: the embedded data files' or a
	// bundle's bundle block; "" for a catalog parsed without one.
	Version string
	// AsOf is the date the catalog's data is current at: its bundle block's
	// as_of (never older than any of its facts), else the newest as_of of
	// any fact. Extensions from .sovlint.hcl do not move it: a user's newer
	// fact does not make the shipped data any fresher.
	AsOf string
	// Origin is where the data comes from: "embedded", or the path of the
	// bundle given with --catalog or catalog { path } in .sovlint.hcl.
	Origin string
	// Base is the version of the embedded catalog a bundle was loaded on
	// top of; "" when the catalog stands alone.
	Base      string
	Providers []*Provider
	Sources   map[string]*Source

	groups     map[string]*CountryGroup
	schemes    map[string]*Scheme
	byRegistry map[string]*Provider // "hashicorp/aws" → provider
	byType     map[string]*Provider // "aws" → provider, for legacy plans
}

// CountryGroup is a named set of countries, such as the EU member states.
type CountryGroup struct {
	Name      string
	Countries []string
	Fact
}

// CountryGroup returns the countries of a named group ("eu", "eea"), or nil.
func (c *Catalog) CountryGroup(name string) []string {
	if g := c.groups[strings.ToLower(name)]; g != nil {
		return g.Countries
	}
	return nil
}

// Source is a document a fact was read from.
type Source struct {
	Key    string
	Title  string
	URL    string
	Repo   string
	Path   string
	Commit string
	Date   string
	Note   string
}

// Citation returns the most useful single reference for a source: its URL,
// else repo@commit:path, else its title.
func (s *Source) Citation() string {
	switch {
	case s == nil:
		return ""
	case s.URL != "":
		return s.URL
	case s.Repo != "":
		c := s.Repo
		if s.Commit != "" {
			c += "@" + shortCommit(s.Commit)
		}
		if s.Path != "" {
			c += ":" + s.Path
		}
		return c
	default:
		return s.Title
	}
}

func shortCommit(c string) string {
	if len(c) > 12 {
		return c[:12]
	}
	return c
}

// Fact is the provenance every catalog statement carries.
type Fact struct {
	Sources  []string // keys into Catalog.Sources
	AsOf     string   // YYYY-MM-DD (or YYYY-MM) when the fact was last checked
	Verified string   // primary | secondary | unverified
	// DeclRange is where the fact is written: a catalog data file or the
	// user's .sovlint.hcl.
	DeclRange hcl.Range
}

// Verification levels, from strongest to weakest.
const (
	VerifiedPrimary    = "primary"
	VerifiedSecondary  = "secondary"
	VerifiedUnverified = "unverified"
)

// Provider is one provider family of the catalog (AWS, Outscale…), keyed by
// the registry source addresses of the Terraform providers that reach it.
type Provider struct {
	ID       string
	Name     string
	Registry []string // "hashicorp/aws", normalised to lowercase
	File     string   // data file (or .sovlint.hcl) the provider was declared in
	// DeclRange is the provider block in File.
	DeclRange hcl.Range
	// Local providers (random, null, tls…) create nothing on any
	// infrastructure: their resources have no location to check.
	Local bool

	Offering              // operator, regions, offers of the base provider
	Location LocationSpec // how resources and provider blocks express location
	Tags     TagSpec
	Variants []*Variant
	Global   []GlobalService
	// Replications name the attributes through which a resource copies its
	// data to another location (SOV006).
	Replications []*Replication
	// Endpoints are services of other operators the provider can be pointed
	// at: S3-compatible object storage through the aws provider.
	Endpoints []*Endpoint

	cache *lookupCache // answers to type and region lookups
}

// Endpoint is another operator's service reached through this provider by
// setting one of its endpoint attributes: Exoscale's object storage
// through the aws provider's endpoints { s3 = "https://sos-ch-gva-2.exo.io" }.
// The endpoint's host decides the operator and the region.
type Endpoint struct {
	Name          string
	Attribute     string   // provider attribute path: "endpoints.s3"
	ResourceTypes []string // globs: the resources that use the endpoint
	// Host matches the URL's host; its first group, when it has one, is
	// the region code.
	Host string
	// OperatedBy is the catalog ID of the provider whose operator, regions
	// and offers apply.
	OperatedBy string
	// Region is the region when the host has no group for it.
	Region string
	Note   string
	Fact

	hostRe *regexp.Regexp
}

// HostRe is the compiled Host pattern.
func (e *Endpoint) HostRe() *regexp.Regexp { return e.hostRe }

// EndpointsFor returns the endpoint specs that apply to a resource type.
func (p *Provider) EndpointsFor(resourceType string) []*Endpoint {
	if len(p.Endpoints) == 0 {
		return nil
	}
	return p.typeFacts(resourceType).endpoints
}

// Replication is a resource attribute that sends a copy of the data
// elsewhere: DynamoDB global-table replicas, backup copy actions, Azure
// geo-redundant storage. A copy may also be a relation between resources
// of the configuration: a read replica names its source
// (SourceReference), a replication rule its destination bucket
// (DestinationReference), a replication configuration both.
type Replication struct {
	Name          string
	ResourceTypes []string // globs
	// Path leads to the destination: "replica.region_name" walks every
	// element of the replica blocks.
	Path string
	// SourceReference is the attribute path that references the resource
	// whose data is copied; the resource itself when empty. With Path, the
	// referenced resource copies its data to the path's destination (an
	// OCI replication policy names its bucket and a region).
	SourceReference string
	// DestinationReference is the attribute path that references the
	// resource the data is copied to; the resource itself when empty.
	DestinationReference string
	// ValuePattern's first group extracts the region from the value (an
	// ARN); without it the value is a region or zone.
	ValuePattern string
	// WhenValues, when set, means the value is a mode, not a place: the
	// listed modes ("GRS") replicate to the region's pair.
	WhenValues []string
	Note       string
	Fact

	valueRe *regexp.Regexp
}

// ValueRe is the compiled ValuePattern, or nil.
func (r *Replication) ValueRe() *regexp.Regexp { return r.valueRe }

// ReplicationsFor returns the replication specs that apply to a type.
func (p *Provider) ReplicationsFor(resourceType string) []*Replication {
	return p.typeFacts(resourceType).replications
}

// Offering is what a provider or one of its variants sells: who operates it,
// where, and under which SecNumCloud status.
type Offering struct {
	Operator    *Operator
	SecNumCloud *Status // default status for services no offer covers
	Offers      []*Offer
	// Certifications are what schemes other than SecNumCloud (BSI C5,
	// ACN, ENS, EU CSF…) say of the offering.
	Certifications []*Certification
	Regions        []*Region
	DefaultRegion  string // used when neither resource nor provider says where

	regionIndex map[string]*Region // code, zone and alias → region
	zoneRes     []*regexp.Regexp   // the provider's zone patterns
}

// Operator is the legal entity that runs the infrastructure.
type Operator struct {
	Name           string
	Country        string // ISO code; "" when the operator is not known
	Parent         string
	ParentCountry  string
	EULegalControl string   // yes | no | unknown
	Laws           []string // extraterritorial laws the operator is exposed to
	Note           string
	Fact
}

// EU legal control values.
const (
	ControlYes     = "yes"
	ControlNo      = "no"
	ControlUnknown = "unknown"
)

// Status is a SecNumCloud qualification status with its provenance.
type Status struct {
	Status string // qualified | in_progress | not_qualified | unknown
	Note   string
	Fact
}

// SecNumCloud status values.
const (
	StatusQualified    = "qualified"
	StatusInProgress   = "in_progress"
	StatusNotQualified = "not_qualified"
	StatusUnknown      = "unknown"
)

// Offer is a service (or set of services) with its own qualification.
// Qualification belongs to an offer, not to a company or a region.
type Offer struct {
	ID            string
	Name          string
	Status        string
	Regions       []string // empty: every region of the offering
	ResourceTypes []string // globs; empty: every resource type
	QualifiedFrom string   // YYYY-MM-DD
	ValidUntil    string   // YYYY-MM-DD; past it, the qualification has lapsed
	Decision      string   // ANSSI decision number
	// ListedOnly marks an offer no resource of the provider can be
	// recognized as part of (OVH's Hosted Private Cloud through the ovh
	// provider): it is listed for reference and never decides a verdict.
	ListedOnly bool
	// Certifications are what other schemes say of this offer; the
	// offer's regions and resource types bound their scope.
	Certifications []*Certification
	Note           string
	Fact

	owner string // "outscale", or "ovh/ovh-us" for a variant's offer
}

// Region is a location code of a provider, mapped to the country it is in.
type Region struct {
	Code      string   // normalised: lowercase, no spaces
	Name      string   // human name, e.g. "Europe (Paris)"
	Countries []string // ISO 3166-1 alpha-2; "EU" = several EU member states
	Zones     []string
	Aliases   []string // other spellings that mean this region ("France Central")
	Pair      string   // the region geo-redundant services replicate to
	Global    bool     // a global location: data is not confined to a country
	Note      string
	Fact
}

// Country returns the region's countries as one string, "FR" or "BE,NL".
func (r *Region) Country() string { return strings.Join(r.Countries, ",") }

// LocationSpec names the attributes a provider's resources and provider
// blocks use to say where they land, in order of precedence.
type LocationSpec struct {
	ResourceAttributes []string // "region", "availability_zone", "placement.region"…
	ProviderAttributes []string // "region", "api.region", "numspot_host"…
	// ParentAttributes reference the resource a child resource lives in
	// (a SQL database's server_id, a subnet's virtual_network_name): a
	// resource with no location of its own is where its parent is.
	ParentAttributes []string
	ValuePatterns    map[string]string // attribute → regexp whose first group is the region or zone
	ZonePatterns     []string          // regexps whose first group turns a zone into its region
	Env              []string          // environment variables the provider reads (reported, never read)
	// ZoneDataSources are data sources whose values are zones of their
	// provider configuration's region (aws_availability_zones): a resource
	// placed by one of the same configuration is in that region.
	ZoneDataSources []string

	valueRes map[string]*regexp.Regexp
	zoneRes  []*regexp.Regexp
}

// TagSpec names the attributes that carry a resource's tags.
type TagSpec struct {
	ResourceAttributes []string // "tags_all", "tags", "labels"…
	ProviderAttributes []string // "default_tags.tags", "default_labels"…
	// Effective is the attribute that already merges provider defaults
	// (AWS tags_all); when known it is used alone.
	Effective string
	// ForTypes are the resource types that keep their tags somewhere else
	// (Cloud SQL's settings.user_labels, an Auto Scaling group's tag
	// blocks): TagsFor applies them.
	ForTypes []*TypeTags
}

// TypeTags is where some resource types keep their tags, beside or instead
// of the provider's usual attributes.
type TypeTags struct {
	ResourceTypes []string // globs
	// ResourceAttributes are read after the provider's own ("settings.user_labels").
	ResourceAttributes []string
	// NoProviderDefaults says the provider's default tags do not reach
	// these types (the AWS provider's default_tags skip Auto Scaling groups).
	NoProviderDefaults bool
	Note               string
	Fact
}

// TagsFor returns the tag attributes of a resource type: the provider's,
// with those of the first ForTypes entry that matches the type. The
// provider's effective attribute merges only its usual attributes, so a
// type with attributes of its own is read without it.
func (p *Provider) TagsFor(resourceType string) TagSpec {
	if len(p.Tags.ForTypes) == 0 {
		return p.Tags
	}
	return p.typeFacts(resourceType).tags
}

func (t *TagSpec) forType(resourceType string) TagSpec {
	out := TagSpec{ResourceAttributes: t.ResourceAttributes, ProviderAttributes: t.ProviderAttributes, Effective: t.Effective}
	for _, tt := range t.ForTypes {
		if !matchAny(tt.ResourceTypes, resourceType) {
			continue
		}
		out.ResourceAttributes = append(slices.Clone(t.ResourceAttributes), tt.ResourceAttributes...)
		out.Effective = ""
		if tt.NoProviderDefaults {
			out.ProviderAttributes = nil
		}
		break
	}
	return out
}

// Variant is a distinct offering reached through the same Terraform provider:
// S3NS through hashicorp/google, the AWS European Sovereign Cloud through
// hashicorp/aws, OVH US through ovh/ovh.
type Variant struct {
	ID   string
	Name string
	When Match
	// InheritRegions makes the base offering's regions the variant's too:
	// the same infrastructure sold by another entity (OVH through ovh-ca).
	InheritRegions bool
	DeclRange      hcl.Range
	Offering
}

// Match selects a variant from the provider configuration or the region.
// A variant with both an attribute test and a region pattern is chosen by
// either: OVH US through endpoint = "ovh-us" or through a us-* region.
type Match struct {
	Attribute     string   // provider attribute, e.g. "universe_domain"
	Equals        []string // the attribute equals one of these (lowercase)
	NotIn         []string // the attribute is set and equals none of these
	Matches       string   // the attribute matches this regexp (an auth_url)
	RegionPattern string   // the resolved region matches this regexp

	attrRe   *regexp.Regexp
	regionRe *regexp.Regexp
}

// Describe says in words when the match applies.
func (m *Match) Describe() string {
	var parts []string
	if m.Attribute != "" {
		switch {
		case len(m.Equals) > 0:
			parts = append(parts, m.Attribute+" is "+strings.Join(m.Equals, " or "))
		case len(m.NotIn) > 0:
			parts = append(parts, m.Attribute+" is set and is not "+strings.Join(m.NotIn, ", "))
		case m.Matches != "":
			parts = append(parts, m.Attribute+" matches "+m.Matches)
		}
	}
	if m.RegionPattern != "" {
		parts = append(parts, "the region matches "+m.RegionPattern)
	}
	return strings.Join(parts, ", or ")
}

// GlobalService is a set of resource types that are not regional: their data
// is served from everywhere the provider operates.
type GlobalService struct {
	Name          string
	ResourceTypes []string // globs
	Note          string
	Fact
}

// normaliseRegistry turns any spelling of a provider source address into
// "namespace/type": registry.terraform.io and registry.opentofu.org are the
// same namespace for the catalog.
func normaliseRegistry(addr string) string {
	a := strings.ToLower(strings.TrimSpace(addr))
	a = strings.TrimPrefix(a, "registry.terraform.io/")
	a = strings.TrimPrefix(a, "registry.opentofu.org/")
	a = strings.TrimPrefix(a, "-/") // legacy Terraform 0.12 address
	if !strings.Contains(a, "/") {
		// Terraform 0.12 plans name the configuration, alias included:
		// "aws.primary" is the aws provider.
		a, _, _ = strings.Cut(a, ".")
	}
	return a
}

// NormaliseSource returns the canonical form of a provider source address
// for display: "hashicorp/aws" for the public registries, the full address
// for private ones.
func NormaliseSource(addr string) string {
	a := normaliseRegistry(addr)
	if !strings.Contains(a, "/") && a != "" {
		if a == "terraform" {
			return "terraform.io/builtin/terraform"
		}
		return "hashicorp/" + a
	}
	return a
}

// Provider returns the catalog entry for a provider source address
// ("registry.opentofu.org/hashicorp/aws", "hashicorp/aws", or a bare legacy
// "aws"), or nil when the catalog does not know it.
func (c *Catalog) Provider(source string) *Provider {
	a := normaliseRegistry(source)
	if p, ok := c.byRegistry[a]; ok {
		return p
	}
	if !strings.Contains(a, "/") {
		return c.byType[a]
	}
	// A configuration that names a provider without required_providers
	// gets "hashicorp/<type>" implied; Terraform's upgrade to namespaced
	// providers mapped such legacy names to the provider's real namespace
	// (hashicorp/scaleway → scaleway/scaleway), and so does the catalog.
	if t, ok := strings.CutPrefix(a, "hashicorp/"); ok {
		return c.byType[t]
	}
	return nil
}

// ByID returns the provider with the given catalog ID, or nil.
func (c *Catalog) ByID(id string) *Provider {
	for _, p := range c.Providers {
		if p.ID == id {
			return p
		}
	}
	return nil
}

// Region looks a location code up in an offering: a region code, one of its
// zones or aliases, or a code matching a zone pattern of the provider.
func (o *Offering) Region(code string) *Region {
	code = NormaliseRegion(code)
	if r, ok := o.regionIndex[code]; ok {
		return r
	}
	for _, re := range o.zoneRes {
		if m := re.FindStringSubmatch(code); m != nil {
			if r, ok := o.regionIndex[m[1]]; ok {
				return r
			}
		}
	}
	return nil
}

// NormaliseRegion lowercases a location code and removes spaces, so that
// Azure's "West Europe" and "westeurope" are one region.
func NormaliseRegion(code string) string {
	code = strings.ToLower(strings.TrimSpace(code))
	if strings.ContainsAny(code, " \t") {
		code = strings.Join(strings.Fields(code), "")
	}
	return code
}

// IsGlobal reports whether resources of this type are a global service of
// the provider, and which one.
func (p *Provider) IsGlobal(resourceType string) (GlobalService, bool) {
	if g := p.typeFacts(resourceType).global; g != nil {
		return *g, true
	}
	return GlobalService{}, false
}

// matchAny reports whether name matches one of the glob patterns.
func matchAny(globs []string, name string) bool {
	for _, g := range globs {
		if ok, _ := path.Match(g, name); ok {
			return true
		}
	}
	return false
}

// ResourceAttributeNames returns the top-level resource attribute names the
// analysis reads, across all providers: the loaders decode only these.
func (c *Catalog) ResourceAttributeNames() []string {
	seen := map[string]bool{}
	for _, p := range c.Providers {
		for _, a := range p.Location.ResourceAttributes {
			seen[topLevel(a)] = true
		}
		for _, a := range p.Tags.ResourceAttributes {
			seen[topLevel(a)] = true
		}
		for _, tt := range p.Tags.ForTypes {
			for _, a := range tt.ResourceAttributes {
				seen[topLevel(a)] = true
			}
		}
		if p.Tags.Effective != "" {
			seen[topLevel(p.Tags.Effective)] = true
		}
		for _, r := range p.Replications {
			if r.Path != "" {
				seen[topLevel(r.Path)] = true
			}
		}
	}
	return slices.Sorted(maps.Keys(seen))
}

func topLevel(attrPath string) string {
	head, _, _ := strings.Cut(attrPath, ".")
	return head
}

// ValuePattern returns the compiled pattern that extracts a location from
// the attribute's value (an endpoint URL), or nil.
func (l *LocationSpec) ValuePattern(attr string) *regexp.Regexp { return l.valueRes[attr] }

// ZoneDataSources maps each data source type whose values are zones of
// its provider configuration's region to the location attributes of its
// provider, which the data source must not set itself for that to hold.
func (c *Catalog) ZoneDataSources() map[string][]string {
	out := map[string][]string{}
	for _, p := range c.Providers {
		for _, t := range p.Location.ZoneDataSources {
			out[t] = p.Location.ResourceAttributes
		}
	}
	return out
}

// ParentAttributeNames returns the resource attributes that may reference a
// parent resource, across all providers.
func (c *Catalog) ParentAttributeNames() []string {
	seen := map[string]bool{}
	for _, p := range c.Providers {
		for _, a := range p.Location.ParentAttributes {
			seen[a] = true
		}
	}
	return slices.Sorted(maps.Keys(seen))
}

// ProviderAttributeNames returns the provider-block attribute paths the
// analysis reads ("region", "api.region", "default_tags.tags",
// "universe_domain"), across all providers.
func (c *Catalog) ProviderAttributeNames() []string {
	seen := map[string]bool{}
	for _, p := range c.Providers {
		for _, a := range p.Location.ProviderAttributes {
			seen[a] = true
		}
		for _, a := range p.Tags.ProviderAttributes {
			seen[a] = true
		}
		for _, v := range p.Variants {
			if v.When.Attribute != "" {
				seen[v.When.Attribute] = true
			}
		}
		for _, e := range p.Endpoints {
			seen[e.Attribute] = true
		}
	}
	return slices.Sorted(maps.Keys(seen))
}
