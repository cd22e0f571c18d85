package finding

// Resource is one scanned resource as printers show it: flat values only,
// so that printers need nothing of the analyzer or the catalog.
type Resource struct {
	Address string
	// Root is the root module or plan it belongs to (Root.Name).
	Root              string
	Type              string
	Provider          string
	ProviderConfig    string
	Region            string // "" when unresolved
	Zone              string
	Country           string
	Variant           string
	Classification    string
	LocationSource    string
	LocationAttribute string
	LocationVia       []string
	Unresolved        string
	Unexpanded        string
	File              string
	Line              int
	Replicas          []Replica
	// Checked is true when the policy requires rules of the resource's
	// classification.
	Checked bool
	// Verdicts are the catalog's three verdicts; nil for unknown and local
	// providers.
	Verdicts *Verdicts
}

// Replica is a destination a resource copies its data to.
type Replica struct {
	Via        string
	Region     string
	Country    string
	Unresolved string
}

// Verdicts are a resource's profile outcomes, as words.
type Verdicts struct {
	SecNumCloud    string
	EULegalControl string
	EUResidency    string
}
