package report

import (
	"bytes"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/sovlint/sovlint/finding"
)

// The JSON format is a contract: fields are added, never renamed or removed.

type jsonResource struct {
	Root              string        `json:"root"`
	Address           string        `json:"address"`
	Type              string        `json:"type"`
	Provider          string        `json:"provider"`
	ProviderConfig    string        `json:"provider_config"`
	Region            string        `json:"region"`
	Zone              string        `json:"zone,omitempty"`
	Country           string        `json:"country"`
	RegionCandidates  []string      `json:"region_candidates,omitempty"`
	Variant           string        `json:"variant,omitempty"`
	Classification    string        `json:"classification"`
	ClassSource       string        `json:"classification_source,omitempty"`
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
	// Certifications are listed when the policy checks certifications
	// other than SecNumCloud (SOV007).
	Certifications []jsonCertification `json:"certifications,omitempty"`
}

type jsonCertification struct {
	ID            string   `json:"id"`
	Scheme        string   `json:"scheme"`
	Level         string   `json:"level,omitempty"`
	Status        string   `json:"status"`
	SchemeVersion string   `json:"scheme_version,omitempty"`
	CertificateID string   `json:"certificate_id,omitempty"`
	ValidFrom     string   `json:"valid_from,omitempty"`
	ValidUntil    string   `json:"valid_until,omitempty"`
	Outcome       string   `json:"outcome"`
	Sources       []string `json:"sources"`
}

type jsonRequiredCertification struct {
	Requirement string `json:"requirement"`
	Outcome     string `json:"outcome"`
}

type jsonReplica struct {
	Via        string `json:"via"`
	Region     string `json:"region"`
	Country    string `json:"country"`
	Unresolved string `json:"unresolved,omitempty"`
	Resource   string `json:"resource,omitempty"`
}

type jsonVerdicts struct {
	SecNumCloud    string                      `json:"secnumcloud"`
	EULegalControl string                      `json:"eu_legal_control"`
	EUResidency    string                      `json:"eu_residency"`
	Certifications []jsonRequiredCertification `json:"certifications,omitempty"`
}

type jsonFinding struct {
	Rule           string             `json:"rule"`
	Name           string             `json:"name"`
	Severity       string             `json:"severity"`
	Root           string             `json:"root"`
	Address        string             `json:"address"`
	Message        string             `json:"message"`
	File           string             `json:"file"`
	Line           int                `json:"line"`
	Column         int                `json:"column,omitzero"`
	LocationFile   string             `json:"location_file,omitempty"`
	LocationLine   int                `json:"location_line,omitzero"`
	Provider       string             `json:"provider"`
	ProviderConfig string             `json:"provider_config"`
	Region         string             `json:"region"`
	Country        string             `json:"country"`
	Classification string             `json:"classification"`
	Remediation    string             `json:"remediation,omitempty"`
	HelpURI        string             `json:"help_uri,omitempty"`
	Sources        []finding.Citation `json:"sources"`
	Suppressed     *jsonSuppression   `json:"suppressed,omitempty"`
}

// jsonError is a root module or plan that could not be scanned.
type jsonError struct {
	Root    string `json:"root"`
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
}

type jsonSuppression struct {
	Kind    string `json:"kind"`
	Reason  string `json:"reason"`
	Expires string `json:"expires,omitempty"`
	Owner   string `json:"owner,omitempty"`
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitzero"`
}

// JSON prints the report as one JSON object, formatted as jsontext
// indents it (the golden files and users' diffs depend on every byte). A
// 30,000-resource plan makes a 36 MB report, so it is written by hand
// rather than by reflection, which took as long as loading the plan: the
// struct types above stay the schema, and a test holds the two to the same
// bytes.
func JSON(w io.Writer, r *Report, _ Options) error {
	o := &jsonOut{w: w, b: make([]byte, 0, 96<<10)}
	o.open('{')
	o.strField("tool", r.Tool)
	o.strField("version", r.Version)
	o.key("inputs")
	o.strs(r.Inputs)
	o.strField("catalog_as_of", r.CatalogAsOf)
	o.optStr("config", r.Config)
	o.key("summary")
	r.Summarize().appendJSON(o)
	o.key("resources")
	o.open('[')
	o.elems(r.ResourceCount(), func(o *jsonOut, i int) {
		res := r.Resources.At(i)
		appendResource(o, &res)
	})
	o.close(']')
	o.key("findings")
	o.open('[')
	o.elems(len(r.Findings), func(o *jsonOut, i int) {
		j := r.findingJSON(r.Findings[i])
		j.appendJSON(o)
	})
	o.close(']')
	o.objects("warnings", len(r.Warnings), func(i int) {
		wr := &r.Warnings[i]
		o.strField("message", wr.Message)
		o.optStr("file", wr.File)
		o.optInt("line", wr.Line)
	})
	errs := errorsJSON(r.Errors)
	o.objects("errors", len(errs), func(i int) {
		e := &errs[i]
		o.strField("root", e.Root)
		o.strField("file", e.File)
		o.intField("line", e.Line)
		o.intField("column", e.Column)
		o.strField("message", e.Message)
	})
	o.close('}')
	o.b = append(o.b, '\n')
	return o.flush()
}

// jsonOut appends indented JSON to a buffer it flushes as it fills. Like
// jsontext's encoder, it rejects strings that are not valid UTF-8.
type jsonOut struct {
	w     io.Writer
	b     []byte
	depth int
	empty bool // the innermost container has no member yet
	err   error
	// chunks encodes large arrays on every core; its buffers go from one
	// array to the next (a large report is otherwise buffers grown anew,
	// chunk after chunk).
	chunks chunkWriter
	// tails are the findings' tails a chunk's encoder has written.
	tails map[tailKey][]byte
	// v1 quotes strings as encoding/json does (SARIF's encoder was
	// encoding/json): U+2028 and U+2029 escaped, invalid UTF-8 replaced.
	v1 bool
}

// strField and intField write a member.
func (o *jsonOut) strField(key, v string) {
	o.key(key)
	o.str(v)
}

func (o *jsonOut) intField(key string, v int) {
	o.key(key)
	o.int(v)
}

// optStr writes a string member unless it is empty (omitempty).
func (o *jsonOut) optStr(key, v string) {
	if v != "" {
		o.key(key)
		o.str(v)
	}
}

// optInt writes a number member unless it is zero (omitzero).
func (o *jsonOut) optInt(key string, v int) {
	if v != 0 {
		o.key(key)
		o.int(v)
	}
}

func (o *jsonOut) open(c byte) {
	o.b = append(o.b, c)
	o.depth++
	o.empty = true
}

func (o *jsonOut) close(c byte) {
	o.depth--
	if !o.empty {
		o.newline()
	}
	o.b = append(o.b, c)
	o.empty = false
	if len(o.b) >= 64<<10 {
		o.flushSome()
	}
}

func (o *jsonOut) newline() {
	if n := 1 + 2*o.depth; n <= len(newlineIndent) {
		o.b = append(o.b, newlineIndent[:n]...)
		return
	}
	o.b = append(o.b, '\n')
	for range o.depth {
		o.b = append(o.b, ' ', ' ')
	}
}

// newlineIndent starts a line at any depth a report reaches.
const newlineIndent = "\n                                "

// elem starts an array element.
func (o *jsonOut) elem() {
	if !o.empty {
		o.b = append(o.b, ',')
	}
	o.empty = false
	o.newline()
}

// key starts an object member.
func (o *jsonOut) key(name string) {
	o.elem()
	o.b = append(o.b, '"')
	o.b = append(o.b, name...) // names are ASCII identifiers
	o.b = append(o.b, '"', ':', ' ')
}

func (o *jsonOut) str(s string) {
	if plainASCII(s) {
		o.b = append(o.b, '"')
		o.b = append(o.b, s...)
		o.b = append(o.b, '"')
		return
	}
	if o.v1 {
		o.b = appendV1String(o.b, s)
		return
	}
	var err error
	if o.b, err = jsontext.AppendQuote(o.b, s); err != nil && o.err == nil {
		o.err = fmt.Errorf("json: a string to print is not valid UTF-8: %w", err) // not the string: it may hold an attribute value
	}
}

// plainASCII reports whether s is printable ASCII without '"' or '\\',
// which JSON quotes as it is: most of a report's 36 MB for a large plan.
// It tests eight bytes at a time.
func plainASCII(s string) bool {
	const lsb, msb = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		q := x ^ (lsb * '"')
		e := x ^ (lsb * '\\')
		if ((q-lsb)&^q|(e-lsb)&^e|(x-lsb*0x20)|x)&msb != 0 {
			return false
		}
	}
	for ; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x80 || c == '"' || c == '\\' {
			return false
		}
	}
	return true
}

// elems writes n array elements, encoded in chunks on every core and
// written in order (chunkWriter) when there are more than a chunk's worth.
func (o *jsonOut) elems(n int, elem func(o *jsonOut, i int)) {
	if n <= chunkLen || o.w == nil {
		for i := range n {
			o.elem()
			elem(o, i)
		}
		return
	}
	o.flushSome()
	depth, first := o.depth, o.empty
	err := o.chunks.write(o.w, n, func(b []byte, lo, hi int) ([]byte, error) {
		c := &jsonOut{b: b, depth: depth, empty: first && lo == 0, v1: o.v1}
		for i := lo; i < hi; i++ {
			c.elem()
			elem(c, i)
		}
		return c.b, c.err
	})
	if err != nil && o.err == nil {
		o.err = err
	}
	o.empty = false
}

// objects writes a member holding an array of n objects, each one's
// members written by member.
func (o *jsonOut) objects(key string, n int, member func(i int)) {
	o.key(key)
	o.open('[')
	for i := range n {
		o.elem()
		o.open('{')
		member(i)
		o.close('}')
	}
	o.close(']')
}

func (o *jsonOut) strs(list []string) {
	o.open('[')
	for _, s := range list {
		o.elem()
		o.str(s)
	}
	o.close(']')
}

func (o *jsonOut) int(n int) { o.b = strconv.AppendInt(o.b, int64(n), 10) }

func (o *jsonOut) bool(v bool) { o.b = strconv.AppendBool(o.b, v) }

// counts writes a map sorted by key, as json.Deterministic does.
func (o *jsonOut) counts(m map[string]int) {
	o.open('{')
	for _, k := range slices.Sorted(maps.Keys(m)) {
		o.key(k)
		o.int(m[k])
	}
	o.close('}')
}

func (o *jsonOut) flushSome() {
	if o.err != nil || o.w == nil { // a chunk of elems keeps its bytes
		return
	}
	if _, err := o.w.Write(o.b); err != nil {
		o.err = err
	}
	o.b = o.b[:0]
}

func (o *jsonOut) flush() error {
	o.flushSome()
	return o.err
}

func (s Summary) appendJSON(o *jsonOut) {
	o.open('{')
	o.intField("resources", s.Resources)
	o.intField("sensitive", s.Sensitive)
	o.intField("findings", s.Findings)
	o.intField("suppressed", s.Suppressed)
	o.intField("roots", s.Roots)
	o.intField("refused_roots", s.RefusedRoots)
	o.key("by_rule")
	o.counts(s.ByRule)
	o.key("by_severity")
	o.counts(s.BySeverity)
	o.close('}')
}

// appendResource writes a resource's row as resourceJSON and reflection
// would write it, straight from the row: converting 300,000 rows first
// made garbage of their verdicts and certifications.
func appendResource(o *jsonOut, j *finding.Resource) {
	o.open('{')
	o.strField("root", j.Root)
	o.strField("address", j.Address)
	o.strField("type", j.Type)
	o.strField("provider", j.Provider)
	o.strField("provider_config", j.ProviderConfig)
	o.strField("region", j.Region)
	o.optStr("zone", j.Zone)
	o.strField("country", j.Country)
	if len(j.RegionCandidates) > 0 {
		o.key("region_candidates")
		o.strs(j.RegionCandidates)
	}
	o.optStr("variant", j.Variant)
	o.strField("classification", j.Classification)
	o.optStr("classification_source", j.ClassificationSource)
	o.strField("location_source", j.LocationSource)
	o.optStr("location_attribute", j.LocationAttribute)
	if len(j.LocationVia) > 0 {
		o.key("location_via")
		o.strs(j.LocationVia)
	}
	o.optStr("unresolved", j.Unresolved)
	o.optStr("unexpanded", j.Unexpanded)
	o.strField("file", j.File)
	o.intField("line", j.Line)
	if len(j.Replicas) > 0 {
		o.objects("replicas", len(j.Replicas), func(i int) {
			r := &j.Replicas[i]
			o.strField("via", r.Via)
			o.strField("region", r.Region)
			o.strField("country", r.Country)
			o.optStr("unresolved", r.Unresolved)
			o.optStr("resource", r.Resource)
		})
	}
	o.key("checked")
	o.bool(j.Checked)
	if v := j.Verdicts; v != nil {
		o.key("verdicts")
		o.open('{')
		o.strField("secnumcloud", v.SecNumCloud)
		o.strField("eu_legal_control", v.EULegalControl)
		o.strField("eu_residency", v.EUResidency)
		if len(v.Certifications) > 0 {
			o.objects("certifications", len(v.Certifications), func(i int) {
				o.strField("requirement", v.Certifications[i].Requirement)
				o.strField("outcome", v.Certifications[i].Outcome)
			})
		}
		o.close('}')
	}
	if len(j.Certifications) > 0 {
		o.objects("certifications", len(j.Certifications), func(i int) {
			c := &j.Certifications[i]
			o.strField("id", c.ID)
			o.strField("scheme", c.Scheme)
			o.optStr("level", c.Level)
			o.strField("status", c.Status)
			o.optStr("scheme_version", c.SchemeVersion)
			o.optStr("certificate_id", c.CertificateID)
			o.optStr("valid_from", c.ValidFrom)
			o.optStr("valid_until", c.ValidUntil)
			o.strField("outcome", c.Outcome)
			o.key("sources")
			o.strs(c.Sources)
		})
	}
	o.close('}')
}

func (j *jsonFinding) appendJSON(o *jsonOut) {
	o.open('{')
	o.strField("rule", j.Rule)
	o.strField("name", j.Name)
	o.strField("severity", j.Severity)
	o.strField("root", j.Root)
	o.strField("address", j.Address)
	o.strField("message", j.Message)
	o.strField("file", j.File)
	o.intField("line", j.Line)
	o.optInt("column", j.Column)
	o.optStr("location_file", j.LocationFile)
	o.optInt("location_line", j.LocationLine)
	o.strField("provider", j.Provider)
	o.strField("provider_config", j.ProviderConfig)
	o.strField("region", j.Region)
	o.strField("country", j.Country)
	o.strField("classification", j.Classification)
	o.findingTail(j)
	if s := j.Suppressed; s != nil {
		o.key("suppressed")
		o.open('{')
		o.strField("kind", s.Kind)
		o.strField("reason", s.Reason)
		o.optStr("expires", s.Expires)
		o.optStr("owner", s.Owner)
		o.optStr("file", s.File)
		o.optInt("line", s.Line)
		o.close('}')
	}
	o.close('}')
}

// findingTail writes a finding's remediation, help_uri and sources. They
// are the rule's and the shared citations' (findings of one fact share one
// Sources slice), the same for most findings of a report and close to half
// its bytes: a chunk's encoder writes each such tail once and copies it
// after.
func (o *jsonOut) findingTail(j *jsonFinding) {
	// Only a chunk's encoder (w nil) keeps all it writes in b, unflushed.
	cache := o.w == nil && len(j.Sources) > 0
	var k tailKey
	if cache {
		k = tailKey{rule: j.Rule, sources: &j.Sources[0], n: len(j.Sources), depth: o.depth}
		if b, ok := o.tails[k]; ok {
			o.b = append(o.b, b...)
			o.empty = false
			return
		}
	}
	start := len(o.b)
	o.optStr("remediation", j.Remediation)
	o.optStr("help_uri", j.HelpURI)
	o.objects("sources", len(j.Sources), func(i int) {
		c := &j.Sources[i]
		o.strField("key", c.Key)
		o.strField("ref", c.Ref)
		o.strField("as_of", c.AsOf)
		o.strField("verified", c.Verified)
	})
	if cache && o.err == nil {
		if o.tails == nil {
			o.tails = map[tailKey][]byte{}
		}
		o.tails[k] = bytes.Clone(o.b[start:])
	}
}

// tailKey is what a finding's tail is made of: its rule (remediation and
// help_uri), its citations by identity, and the indentation.
type tailKey struct {
	rule    string
	sources *finding.Citation
	n       int
	depth   int
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func resourceJSON(r *finding.Resource) jsonResource {
	j := jsonResource{
		Address:           r.Address,
		Root:              r.Root,
		Type:              r.Type,
		Provider:          r.Provider,
		ProviderConfig:    r.ProviderConfig,
		Region:            r.Region,
		Zone:              r.Zone,
		Country:           r.Country,
		RegionCandidates:  r.RegionCandidates,
		Variant:           r.Variant,
		Classification:    r.Classification,
		ClassSource:       r.ClassificationSource,
		LocationSource:    r.LocationSource,
		LocationAttribute: r.LocationAttribute,
		LocationVia:       r.LocationVia,
		Unresolved:        r.Unresolved,
		Unexpanded:        r.Unexpanded,
		File:              r.File,
		Line:              r.Line,
		Checked:           r.Checked,
	}
	for _, rep := range r.Replicas {
		j.Replicas = append(j.Replicas, jsonReplica(rep))
	}
	if v := r.Verdicts; v != nil {
		j.Verdicts = &jsonVerdicts{SecNumCloud: v.SecNumCloud, EULegalControl: v.EULegalControl, EUResidency: v.EUResidency}
		for _, c := range v.Certifications {
			j.Verdicts.Certifications = append(j.Verdicts.Certifications, jsonRequiredCertification(c))
		}
	}
	for _, c := range r.Certifications {
		j.Certifications = append(j.Certifications, jsonCertification{
			ID: c.ID, Scheme: c.Scheme, Level: c.Level, Status: c.Status, SchemeVersion: c.SchemeVersion, CertificateID: c.CertificateID,
			ValidFrom: c.ValidFrom, ValidUntil: c.ValidUntil, Outcome: c.Outcome, Sources: nonNil(c.Sources),
		})
	}
	return j
}

func (r *Report) findingJSON(f finding.Finding) jsonFinding {
	j := jsonFinding{
		Rule:           f.RuleID,
		Severity:       f.Severity.String(),
		Address:        f.Address,
		Root:           f.Root,
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
	if rule := r.rule(f.RuleID); rule != nil {
		j.Name, j.Remediation, j.HelpURI = rule.Name, rule.Remediation, rule.URL
	}
	if s := f.Suppression; s != nil {
		j.Suppressed = &jsonSuppression{Kind: s.Kind, Reason: s.Reason, Expires: s.Expires, Owner: s.Owner, File: s.Range.Filename, Line: s.Range.Start.Line}
	}
	return j
}

func errorsJSON(errs []finding.InputError) []jsonError {
	out := make([]jsonError, len(errs))
	for i, e := range errs {
		out[i] = jsonError{Root: e.Root, File: e.File, Line: e.Line, Column: e.Col, Message: e.Msg}
	}
	return out
}

// appendV1String quotes s as encoding/json does without HTML escaping:
// the control characters it names (\b, \f, \n, \r, \t) by name and the
// others as \u00XX, U+2028 and U+2029 escaped, and each byte of invalid
// UTF-8 replaced by \ufffd.
func appendV1String(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if c == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if c == '\u2028' || c == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[c&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
