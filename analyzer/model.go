// Package analyzer loads Terraform/OpenTofu plans and sources into one
// resource model and resolves, for every resource, where it lands and how it
// is classified.
package analyzer

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/sovlint/sovlint/providers"
)

// Resource is one managed resource instance with its location and
// classification resolved. Plans and sources produce the same Resources for
// the same configuration; rules read nothing else.
type Resource struct {
	Address        string    // module.a["x"].aws_s3_bucket.b[0]
	ConfigAddress  string    // module.a.aws_s3_bucket.b: the block in the sources
	Module         string    // module.a["x"]; "" for the root module
	Type           string    // aws_s3_bucket
	Name           string    // b
	Provider       string    // normalised source address: hashicorp/aws
	ProviderConfig string    // provider configuration key: aws.dr, module.regional:aws
	Range          hcl.Range // the resource block; zero when unknown
	Unexpanded     string    // why count/for_each could not be expanded, if so

	Location       Location
	Classification Classification
	// Replicas are the other places the resource copies its data to.
	Replicas []Replica

	// parents are the resources this one lives in, when it has no location
	// of its own: InheritLocations looks them up once all are resolved.
	parents []parentRef
	// copies are the copies of data between resources of the configuration
	// this one declares: RelateCopies gives them to the copied resource.
	copies []copyLink

	// Catalog is the provider's catalog entry; nil when the catalog does not
	// know the provider. For a resource pointed at another operator's
	// endpoint (Exoscale's object storage through the aws provider), it is
	// that operator's entry.
	Catalog *providers.Provider
	// OperatorUnknown says the provider is pointed at an endpoint the
	// catalog cannot place: no verdict of the provider's own applies.
	OperatorUnknown bool
	Variant         *providers.Variant
	Region          *providers.Region // nil when unresolved or unknown to the catalog
}

// Location is where a resource lands and how that was worked out.
type Location struct {
	Code    string // the location as written: "eu-west-3a", "West Europe"
	Region  string // normalised region: "eu-west-3", "westeurope"; "" when unresolved
	Zone    string // normalised zone when a zone was given
	Country string // ISO code(s) from the catalog; "" when unknown
	Global  bool   // a global service: no region applies

	Source LocationSource
	// Unresolved says why the location could not be determined statically;
	// empty when it was.
	Unresolved string
	// Candidates are the regions the resource may be in when the
	// configuration allows several (a list of regions, an index into a
	// known list, a provider whose region is not set): Region is then
	// empty, and Country the candidates' country when they share one.
	// Verdicts are evaluated over all of them.
	Candidates []Candidate
}

// Candidate is one of the regions a location may be.
type Candidate struct {
	Region  string // normalised
	Country string
	Known   *providers.Region // nil when the catalog does not know it
	Variant *providers.Variant
}

// Resolved reports whether the location is known (it may still be absent
// from the catalog), as one region or a set of candidates.
func (l Location) Resolved() bool {
	return l.Unresolved == "" && (l.Region != "" || l.Global || len(l.Candidates) > 0)
}

// Key names where the location is: its region, or its candidates joined
// with "|".
func (l Location) Key() string {
	if len(l.Candidates) == 0 {
		return l.Region
	}
	codes := make([]string, len(l.Candidates))
	for i, c := range l.Candidates {
		codes[i] = c.Region
	}
	return strings.Join(codes, "|")
}

// Replica is a destination a resource replicates, backs up or copies its
// data to.
type Replica struct {
	Via     string // the replication spec: "DynamoDB global table replica"
	Path    string // the attribute path: replica.region_name
	Region  string // normalised; "" when unresolved
	Country string
	// Spec is the catalog's replication spec, which may belong to another
	// resource type (a replication configuration copies its bucket).
	Spec *providers.Replication
	// Resource is the destination resource, when the copy is another
	// resource of the configuration (a read replica).
	Resource string
	// Catalog is the destination's provider when it is not the resource's.
	Catalog *providers.Provider
	// Known is the catalog's entry for the destination; nil when the region
	// is not in the catalog or unresolved.
	Known      *providers.Region
	Variant    *providers.Variant
	Unresolved string
	Range      hcl.Range
}

// SourceKind says where a location came from.
type SourceKind string

// Location sources, in order of precedence.
const (
	FromResource SourceKind = "resource"        // an attribute of the resource
	FromProvider SourceKind = "provider"        // the provider configuration it uses
	FromParent   SourceKind = "parent"          // the resource it lives in (a SQL server for its databases)
	FromEndpoint SourceKind = "endpoint"        // the provider's endpoint for another operator's service
	FromDefault  SourceKind = "catalog_default" // the catalog's default for providers with no region argument
	FromGlobal   SourceKind = "global_service"  // the resource type is a global service
	// FromProviderRegions: nothing sets a region, but every region of the
	// provider is in one country.
	FromProviderRegions SourceKind = "provider_regions"
	FromNowhere         SourceKind = "unresolved"       // nothing static says where
	FromLocal           SourceKind = "local"            // a provider that creates nothing remote
	FromUnknown         SourceKind = "unknown_provider" // the catalog does not know the provider
)

// LocationSource is the provenance of a location.
type LocationSource struct {
	Kind      SourceKind
	Attribute string    // "availability_zone", "api.region"
	Provider  string    // provider configuration key when Kind is provider
	Via       []string  // how the value was reached: "var.dr_region", "module.regional input region"
	Range     hcl.Range // where the deciding value is written, when known
	// Why says why no single region is set, when the location is the
	// provider's regions.
	Why string
}

// Classification is a resource's data classification, from its tags.
type Classification struct {
	// Level is the policy level the tags matched ("sensitive"); else the
	// classification value as written, lowercased; "" when the resource
	// carries no classification tag.
	Level string
	// Matched is true when Level is one of the policy's levels.
	Matched bool
	Key     string // the tag key that decided
	// Unknown says why the classification cannot be determined statically.
	Unknown string
	// Source is what decided: ClassifiedByTag, ByInline, ByDefault; "" when
	// nothing classifies the resource.
	Source string
	Range  hcl.Range
}

// Instance is what a loader knows about a resource before resolution: only
// the attributes the catalog names, as cty values that may be unknown.
type Instance struct {
	Address        string
	ConfigAddress  string
	Module         string
	Mode           string // managed | data
	Type           string
	Name           string
	ProviderSource string
	ProviderConfig *ProviderConfig // the configuration the resource uses; nil when none is declared
	ProviderKey    string          // its key, even when no configuration is declared
	Attrs          Attrs
	Range          hcl.Range
	Unexpanded     string
	// Refs tells which resources an attribute's expression references; nil
	// when the loader cannot say.
	Refs RefSource
	// Inline is the classification annotation on the resource's block or
	// on the innermost module call containing it; nil when none (or when
	// the sources are not at hand).
	Inline *InlineClass
}

// RefSource gives the references an attribute's configuration expression
// makes, as Terraform writes them in plans ("azurerm_mssql_server.main.id",
// "azurerm_mssql_server.main"), qualified by their module's configuration
// path ("module.a.aws_s3_bucket.b"). A dotted path reaches into nested
// blocks ("rule.destination.bucket", every rule). Loaders follow a
// variable to what its module call gives it. set says whether the
// configuration sets the attribute at all, references or not.
type RefSource interface {
	References(path string) (refs []string, set bool)
}

// Attrs maps attribute paths ("region", "default_tags.tags", "api.region")
// to their values.
type Attrs map[string]Attr

// Attr is one attribute value with its provenance.
type Attr struct {
	// Value is the attribute's value: cty.NilVal when absent, an unknown
	// value when it cannot be known statically.
	Value cty.Value
	// Set is true when the configuration writes the attribute; a value the
	// provider computes is not set.
	Set   bool
	Range hcl.Range
	Via   []string // references followed to reach the value
	Why   string   // why the value is unknown
	// Candidates are the values an unknown Value can only be one of, when
	// the loader can tell (an index unknown until apply into a known
	// list); nil otherwise.
	Candidates []cty.Value
	// InProviderRegion names the data source an unknown zone is taken from
	// when that data source lists the zones of the resource's own provider
	// configuration (data.aws_availability_zones.available): the resource
	// is in the provider's region.
	InProviderRegion string

	// Known caches whether Value is wholly known, when the loader already
	// knows (plans convert each distinct value once); walking a value's
	// attributes again for every resource showed in profiles.
	Known Knownness
}

// Knownness is what a loader already knows of whether a value is wholly
// known.
type Knownness uint8

// Knownness values; the zero value says the loader does not know.
const (
	KnownUnset Knownness = iota
	KnownWholly
	KnownPartly
)

// IsWhollyKnown reports whether the value is wholly known.
func (a *Attr) IsWhollyKnown() bool {
	switch a.Known {
	case KnownWholly:
		return true
	case KnownPartly:
		return false
	case KnownUnset:
	}
	return WhollyKnown(a.Value)
}

// ProviderConfig is a provider configuration (a provider block, possibly in
// a child module) with the attributes the catalog names.
type ProviderConfig struct {
	Key   string // aws, aws.dr, module.regional:aws
	Attrs Attrs
	Range hcl.Range
}

// WhollyKnown is cty's IsWhollyKnown without the sorted walk its element
// iterator makes over objects, which showed in plan profiles: attribute
// order does not matter to the answer.
func WhollyKnown(v cty.Value) bool {
	if !v.IsKnown() {
		return false
	}
	t := v.Type()
	if v.IsNull() || v.IsMarked() || t.IsPrimitiveType() {
		return v.IsWhollyKnown()
	}
	if t.IsObjectType() {
		for name := range t.AttributeTypes() {
			if !WhollyKnown(v.GetAttr(name)) {
				return false
			}
		}
		return true
	}
	return v.IsWhollyKnown()
}
