package runtask

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// The signature HCP Terraform documents: `echo -n $BODY | openssl dgst
// -sha512 -hmac "$KEY"`. The expected value was computed with openssl.
func TestSignMatchesOpenSSL(t *testing.T) {
	body := []byte(`{"payload_version":1,"access_token":"test-token"}`)
	const want = "aa2ca6b3efa9bf0c12cc6241308d8c5a82951e8a8620764194559ec769c212cd99eda7dbf0f9665ef935e6daa579d362e0abd445e86c1e9d7622950b49b9a0c8"
	if got := Sign([]byte("s3cret-hmac-key"), body); got != want {
		t.Errorf("Sign = %s, want %s", got, want)
	}
	if !validSignature([]byte("s3cret-hmac-key"), body, want) {
		t.Error("validSignature refuses the openssl signature")
	}
}

func TestOriginContains(t *testing.T) {
	tests := []struct {
		base string
		url  string
		want bool
	}{
		{"https://app.terraform.io", "https://app.terraform.io/api/v2/task-results/x/callback", true},
		{"https://app.terraform.io", "https://APP.Terraform.io:443/api/v2/plans/p/json-output", true},
		{"https://app.terraform.io/", "https://app.terraform.io/api", true},
		{"https://app.terraform.io", "http://app.terraform.io/api", false},
		{"https://app.terraform.io", "https://app.terraform.io:8443/api", false},
		{"https://app.terraform.io", "https://app.terraform.io.evil.example/api", false},
		{"https://app.terraform.io", "https://evil.example/app.terraform.io/api", false},
		{"https://app.terraform.io", "https://app.terraform.io@evil.example/api", false},
		{"https://app.terraform.io", "https://user@app.terraform.io/api", false},
		{"https://app.terraform.io", "//app.terraform.io/api", false},
		{"https://tfe.example.org/tfe", "https://tfe.example.org/tfe/api/v2/x", true},
		{"https://tfe.example.org/tfe", "https://tfe.example.org/tfe", true},
		{"https://tfe.example.org/tfe", "https://tfe.example.org/tfelse/api", false},
		{"https://tfe.example.org/tfe", "https://tfe.example.org/tfe/../admin", false},
		{"https://tfe.example.org/tfe", "https://tfe.example.org/tfe/%2e%2e/admin", false},
		{"https://tfe.example.org/tfe", "https://tfe.example.org/other", false},
		{"http://127.0.0.1:8080", "http://127.0.0.1:8080/api", true},
		{"http://127.0.0.1:8080", "http://127.0.0.1:8081/api", false},
		{"https://[::1]:8443", "https://[::1]:8443/api", true},
	}
	for _, tt := range tests {
		o, err := parseOrigin(tt.base)
		if err != nil {
			t.Fatalf("%s: %v", tt.base, err)
		}
		u, err := url.Parse(tt.url)
		if err != nil {
			t.Fatalf("%s: %v", tt.url, err)
		}
		if got := o.contains(u); got != tt.want {
			t.Errorf("%s contains %s = %v, want %v", tt.base, tt.url, got, tt.want)
		}
	}
}

func TestEncodeResult(t *testing.T) {
	v := Verdict{
		Status:  StatusFailed,
		Message: "2 findings:\nSOV001\tSOV003",
		Outcomes: []Outcome{
			{Rule: "SOV001", Severity: "error", Level: LevelError, Address: "aws_s3_bucket.a", Message: "not SecNumCloud", URL: "https://cyber.gouv.fr/x"},
			{Rule: "SOV003", Severity: "notice", Level: "bogus", Address: "aws_s3_bucket.b", Message: "outside the EU", URL: "javascript:alert(1)"},
		},
	}
	got, err := encodeResult(v, true, 1)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"data":{"type":"task-results","attributes":{"status":"failed","message":"2 findings: SOV001 SOV003 (the first 1 of 2 findings are listed)"},` +
		`"relationships":{"outcomes":{"data":[{"type":"task-result-outcomes","attributes":{"outcome-id":"SOV001",` +
		`"description":"aws_s3_bucket.a: not SecNumCloud","body":"**Resource:** ` + "`aws_s3_bucket.a`" + `\n\nnot SecNumCloud",` +
		`"url":"https://cyber.gouv.fr/x","tags":{"Rule":[{"label":"SOV001"}],"Severity":[{"label":"Error","level":"error"}],"Status":[{"label":"Failed","level":"error"}]}}}]}}}}`
	if d := cmp.Diff(want, string(got)); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
	// The second outcome on its own: an unknown level is "none", a URL
	// that is not http(s) is dropped.
	o := outcomeJSON(v.Outcomes[1])
	if o.Attributes.URL != "" || o.Attributes.Tags["Severity"][0].Level != LevelNone {
		t.Errorf("outcome %+v", o)
	}
	// Without outcomes, no relationships member at all.
	got, _ = encodeResult(v, false, 10)
	var doc map[string]map[string]any
	if err := json.Unmarshal(got, &doc); err != nil {
		t.Fatal(err)
	}
	if _, ok := doc["data"]["relationships"]; ok {
		t.Errorf("relationships sent without outcomes capability: %s", got)
	}
}

func TestOneLine(t *testing.T) {
	tests := []struct {
		in   string
		max  int
		want string
	}{
		{"a\nb\t c\r\n", 10, "a b c"},
		{"  lead and trail  ", 50, "lead and trail"},
		{"abcdef", 6, "abcdef"},
		{"abcdefg", 6, "abcde…"},
		{"ééééééé", 4, "ééé…"},
		{"a\x00b\x1bc", 10, "a b c"},
	}
	for _, tt := range tests {
		if got := oneLine(tt.in, tt.max); got != tt.want {
			t.Errorf("oneLine(%q, %d) = %q, want %q", tt.in, tt.max, got, tt.want)
		}
	}
}

func TestTruncateBytesKeepsUTF8(t *testing.T) {
	s := strings.Repeat("é", 100)
	for n := 4; n < 50; n++ {
		got := truncateBytes(s, n)
		if len(got) > n || !utf8.ValidString(got) {
			t.Fatalf("truncateBytes(%d) = %q (%d bytes)", n, got, len(got))
		}
	}
}

func TestParsePayloadErrorsDoNotQuoteTheBody(t *testing.T) {
	for _, body := range []string{
		`{"access_token":"` + testToken + `"`,
		`{"access_token":` + `["` + testToken + `"]}`,
		`{"payload_version":1,"access_token":"` + testToken + `",}`,
	} {
		_, err := parsePayload([]byte(body))
		if err == nil {
			t.Fatalf("%s: no error", body)
		}
		if strings.Contains(err.Error(), testToken) {
			t.Errorf("error quotes the token: %v", err)
		}
	}
}
