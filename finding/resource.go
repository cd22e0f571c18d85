package finding

// Resource is one scanned resource as printers show it: flat values only,
// so that printers need nothing of the analyzer or the catalog.
type Resource struct {
	Address string
	// Root is the root module or plan it belongs to (Root.Name).
	Root           string
	Type           string
	Provider       string
	ProviderConfig string
	Region         string // "" when unresolved
	Zone           string
	Country        string
	// RegionCandidates are the regions the resource may be in when the
	// configuration allows several; Region is then empty.
	RegionCandidates []string
	Variant          string
	Classification   string
	// ClassificationSource is what decided the classification: "tag",
	// "inline" or "default"; "" when nothing classifies the resource.
	ClassificationSource string
	LocationSource       string
	LocationAttribute    string
	LocationVia          []string
	Unresolved           string
	Unexpanded           string
	File                 string
	Line                 int
	Replicas             []Replica
	// Checked is true when the policy requires rules of the resource's
	// classification.
	Checked bool
	// Verdicts are the catalog's three verdicts; nil for unknown and local
	// providers.
	Verdicts *Verdicts

	// Who runs the infrastructure and under which law, as the catalog
	// records it; empty for a provider the catalog does not know.
	ProviderName string // "Amazon Web Services"; a variant's own name: "AWS European Sovereign Cloud"
	Operator     string // the legal entity: "Amazon Web Services, Inc."
	// OperatorCountry is where the operator, or its parent when it has
	// one, is established: whose law reaches the data.
	OperatorCountry string
	EULegalControl  string   // yes | no | unknown
	Laws            []string // extraterritorial laws the operator is exposed to

	// Certifications are the certifications whose scope covers the
	// resource, SecNumCloud's offer included; listed only when the policy
	// requires a certification other than SecNumCloud (SOV007).
	Certifications []Certification
}

// Certification is what one scheme says of the offer a resource is on,
// and its standing at the scan's date.
type Certification struct {
	ID            string // the certification's ID, or the SecNumCloud offer's
	Scheme        string
	Level         string
	Status        string
	SchemeVersion string
	CertificateID string
	ValidFrom     string
	ValidUntil    string
	Outcome       string // pass | fail | unknown: the fact's own standing
	Sources       []string
}

// RequiredCertification is a requirement's outcome for a resource.
type RequiredCertification struct {
	Requirement string // bsi-c5:type2
	Outcome     string
}

// Replica is a destination a resource copies its data to.
type Replica struct {
	Via        string
	Region     string
	Country    string
	Unresolved string
	// Resource is the copy, when it is another resource of the
	// configuration (a read replica, a replication's destination bucket).
	Resource string
}

// Verdicts are a resource's profile outcomes, as words.
type Verdicts struct {
	SecNumCloud    string
	EULegalControl string
	EUResidency    string
	// Certifications has one outcome per certification the policy
	// requires of some level (only when it requires SOV007).
	Certifications []RequiredCertification
}
