package nesting

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// scannedDepth is the deepest the fast scanner measured.
func scannedDepth(src []byte) int {
	s := &scanner{src: src, stack: []level{{newlines: true}}, depth: 1, max: 1, limit: 1 << 30}
	s.scan()
	return s.max
}

// TestScannerAgreesWithLexer: on real configurations and on tricky ones,
// the fast scanner never measures less than the lexer's tokens say (it may
// measure a little more: = and ~ count as operators).
func TestScannerAgreesWithLexer(t *testing.T) {
	var inputs []string
	for _, pattern := range []string{"../../testdata/plans/*/*.tf", "../../testdata/plans/*/*/*.tf", "../../testdata/plans/*/*/*/*.tf", "../../internal/cli/testdata/script/*.txtar"} {
		files, _ := filepath.Glob(pattern)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			inputs = append(inputs, string(b))
		}
	}
	inputs = append(inputs, trickySources...)
	if len(inputs) < 20 {
		t.Fatalf("only %d inputs", len(inputs))
	}
	for _, in := range inputs {
		lexed, _, _ := lexedDepth([]byte(in), 1<<30)
		scanned := scannedDepth([]byte(in))
		if scanned < lexed {
			t.Errorf("scanner measured %d, lexer %d, for\n%s", scanned, lexed, in)
		}
	}
}

var trickySources = []string{
	`a = "}}}}]]]])))" + (((1)))`,
	`a = "\"${(((1)))}\"" # ((((`,
	"a = <<EOT\n((((${(((1)))}\n  EOT\nb = ((2))",
	"a = <<-EOT\n  %{if x}((${(y)}%{endif}\n  EOT\n",
	`a = "%{for x in y}${(x)}%{endfor}" /* ((( */ b = ((1))`,
	`a = "$${(((" c = "%%{((("`,
	"a = x[0][1][(2)] + f(g(h(1)))\n",
	`a = "${"${"${(1)}"}"}"`,
	"a = [for x in y: (x) if !x]\n",
	"// comment (((\nb = 1 - - - 1\n",
	"a = \"unterminated ((( \nb = ((((1))))\n",
	"a = <<EOT\nno end ((((\n",
	"a = {\n  b = 1 + 1\n  c = !true\n}\n",
	`a = "${x}"[0][1]`,
	"a = 1e-5 - 2E+3\n",
	"a = var.my-name-with-dashes - 1\n",
	"a = x ? y : z ? w : v\n",
}

// FuzzScanner holds the scanner to the lexer on generated sources.
func FuzzScanner(f *testing.F) {
	for _, s := range trickySources {
		f.Add(s)
	}
	f.Add(strings.Repeat("(", 2000) + strings.Repeat(")", 2000))
	f.Add(`a = "` + strings.Repeat("%{if x}", 1100) + `"`)
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 1<<16 || !utf8.ValidString(src) {
			return // Config measures what is not UTF-8 with the lexer
		}
		lexed, _, _ := lexedDepth([]byte(src), 1<<30)
		scanned := scannedDepth([]byte(src))
		if scanned < lexed {
			t.Errorf("scanner measured %d, lexer %d", scanned, lexed)
		}
	})
}
