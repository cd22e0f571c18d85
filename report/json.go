package report

import (
	"bufio"
	"io"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"

	"github.com/sovlint/sovlint/rules"
)

// The JSON format is a contract: fields are added, never renamed or removed.

type jsonResource struct {
	Address           string        `json:"address"`
	Type              string        `json:"type"`
	Provider          string        `json:"provider"`
	ProviderConfig    string        `json:"provider_config"`
	Region            string        `json:"region"`
	Zone              string        `json:"zone,omitempty"`
	Country           string        `json:"country"`
	Variant           string        `json:"variant,omitempty"`
	Classification    string        `json:"classification"`
	LocationSource    string        `json:"location_source"`
	LocationAttribute string        `json:"location_attribute,omitempty"`
	LocationVia       []string      `json:"location_via,omitempty"`
	Unresolved        string        `json:"unresolved,omitempty"`
	Unexpanded        string        `json:"unexpanded,omitempty"`
	File              string        `json:"file"`
	Line              int           `json:"line"`
	Replicas          []jsonReplica `json:"replicas,omitempty"`
	Checked           bool          `json:"checked"`
	Verdicts          *jsonVerdicts `json:"verdicts,omitempty"`
}

type jsonReplica struct {
	Via        string `json:"via"`
	Region     string `json:"region"`
	Country    string `json:"country"`
	Unresolved string `json:"unresolved,omitempty"`
}

type jsonVerdicts struct {
	SecNumCloud    string `json:"secnumcloud"`
	EULegalControl string `json:"eu_legal_control"`
	EUResidency    string `json:"eu_residency"`
}

type jsonFinding struct {
	Rule           string           `json:"rule"`
	Name           string           `json:"name"`
	Severity       string           `json:"severity"`
	Address        string           `json:"address"`
	Message        string           `json:"message"`
	File           string           `json:"file"`
	Line           int              `json:"line"`
	Column         int              `json:"column,omitzero"`
	LocationFile   string           `json:"location_file,omitempty"`
	LocationLine   int              `json:"location_line,omitzero"`
	Provider       string           `json:"provider"`
	ProviderConfig string           `json:"provider_config"`
	Region         string           `json:"region"`
	Country        string           `json:"country"`
	Classification string           `json:"classification"`
	Remediation    string           `json:"remediation,omitempty"`
	HelpURI        string           `json:"help_uri,omitempty"`
	Sources        []rules.Citation `json:"sources"`
	Suppressed     *jsonSuppression `json:"suppressed,omitempty"`
}

type jsonSuppression struct {
	Kind    string `json:"kind"`
	Reason  string `json:"reason"`
	Expires string `json:"expires,omitempty"`
	Owner   string `json:"owner,omitempty"`
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitzero"`
}

// JSON prints the report as one JSON object. It streams resources and
// findings one by one: a 30,000-resource plan never has its whole report
// in memory twice.
func JSON(w io.Writer, r *Report, _ Options) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := jsontext.NewEncoder(bw, jsontext.WithIndent("  "), jsontext.EscapeForHTML(false))
	opts := json.Deterministic(true)
	field := func(name string, v any) error {
		if err := enc.WriteToken(jsontext.String(name)); err != nil {
			return err
		}
		return json.MarshalEncode(enc, v, opts)
	}
	array := func(name string, n int, elem func(i int) any) error {
		if err := enc.WriteToken(jsontext.String(name)); err != nil {
			return err
		}
		if err := enc.WriteToken(jsontext.BeginArray); err != nil {
			return err
		}
		for i := range n {
			if err := json.MarshalEncode(enc, elem(i), opts); err != nil {
				return err
			}
		}
		return enc.WriteToken(jsontext.EndArray)
	}
	steps := []func() error{
		func() error { return enc.WriteToken(jsontext.BeginObject) },
		func() error { return field("tool", r.Tool) },
		func() error { return field("version", r.Version) },
		func() error { return field("inputs", nonNil(r.Inputs)) },
		func() error { return field("catalog_as_of", r.CatalogAsOf) },
		func() error { return field("summary", r.Summarize()) },
		func() error {
			return array("resources", len(r.Assessments), func(i int) any { return resourceJSON(r.Assessments[i]) })
		},
		func() error {
			return array("findings", len(r.Findings), func(i int) any { return findingJSON(r.Findings[i]) })
		},
		func() error { return field("warnings", nonNil(r.Warnings)) },
		func() error { return enc.WriteToken(jsontext.EndObject) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return bw.Flush()
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func resourceJSON(a rules.Assessment) jsonResource {
	r := a.Resource
	j := jsonResource{
		Address:           r.Address,
		Type:              r.Type,
		Provider:          r.Provider,
		ProviderConfig:    r.ProviderConfig,
		Region:            r.Location.Region,
		Zone:              r.Location.Zone,
		Country:           r.Location.Country,
		Classification:    r.Classification.Level,
		LocationSource:    string(r.Location.Source.Kind),
		LocationAttribute: r.Location.Source.Attribute,
		LocationVia:       r.Location.Source.Via,
		Unresolved:        r.Location.Unresolved,
		Unexpanded:        r.Unexpanded,
		File:              r.Range.Filename,
		Line:              r.Range.Start.Line,
		Checked:           len(a.Required) > 0,
	}
	if r.Variant != nil {
		j.Variant = r.Variant.ID
	}
	for _, rep := range r.Replicas {
		j.Replicas = append(j.Replicas, jsonReplica{Via: rep.Via, Region: rep.Region, Country: rep.Country, Unresolved: rep.Unresolved})
	}
	if r.Location.Unresolved != "" {
		j.Region = ""
	}
	if p := a.Profile; p != nil {
		j.Verdicts = &jsonVerdicts{
			SecNumCloud:    p.SecNumCloud.Outcome.String(),
			EULegalControl: p.LegalControl.Outcome.String(),
			EUResidency:    p.Residency.Outcome.String(),
		}
	}
	return j
}

func findingJSON(f rules.Finding) jsonFinding {
	j := jsonFinding{
		Rule:           f.RuleID,
		Severity:       f.Severity.String(),
		Address:        f.Address,
		Message:        f.Message,
		File:           f.Range.Filename,
		Line:           f.Range.Start.Line,
		Column:         f.Range.Start.Column,
		LocationFile:   f.LocationRange.Filename,
		LocationLine:   f.LocationRange.Start.Line,
		Provider:       f.Provider,
		ProviderConfig: f.ProviderConfig,
		Region:         f.Region,
		Country:        f.Country,
		Classification: f.Classification,
		Sources:        nonNil(f.Sources),
	}
	if rule := rules.ByID(f.RuleID); rule != nil {
		j.Name, j.Remediation, j.HelpURI = rule.Name, rule.Remediation, rule.URL()
	}
	if s := f.Suppression; s != nil {
		j.Suppressed = &jsonSuppression{Kind: s.Kind, Reason: s.Reason, Expires: s.Expires, Owner: s.Owner, File: s.Range.Filename, Line: s.Range.Start.Line}
	}
	return j
}
