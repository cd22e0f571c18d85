// Package synth generates large, deterministic test inputs shaped like the
// real corpus: plans templated from a plan real Terraform made, and source
// trees made of copies of real configurations. Benchmarks and the bench
// script use it; nothing in sovlint itself does.
package synth

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// The template is testdata/plans/modules-count-aliases: three calls of one
// ten-resource module with count = 2, made by Terraform 1.11.4 with the real
// AWS provider. Its instance 0 and 1 of each call differ only in names and
// classification, which follow count.index in the configuration:
// svc_paris is sensitive when i%3 == 0, svc_us when i%2 == 0, svc_fra never.
var calls = []struct {
	name      string // module call
	prefix    string // the name argument's prefix: "paris-${count.index}"
	sensitive func(i int) bool
}{
	{"svc_paris", "paris", func(i int) bool { return i%3 == 0 }},
	{"svc_us", "us", func(i int) bool { return i%2 == 0 }},
	{"svc_fra", "fra", func(int) bool { return false }},
}

// PlanTemplate is the template plan's path relative to the repository root.
const PlanTemplate = "testdata/plans/modules-count-aliases/plan.json"

type template struct {
	top      map[string]json.RawMessage
	modules  map[string][]byte // "svc_paris[0]" → planned_values child module
	changes  map[string][][]byte
	relevant map[string][][]byte
}

func loadTemplate(path string) (*template, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	t := &template{modules: map[string][]byte{}, changes: map[string][][]byte{}, relevant: map[string][][]byte{}}
	if err := json.Unmarshal(b, &t.top); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var pv struct {
		RootModule struct {
			ChildModules []json.RawMessage `json:"child_modules"`
		} `json:"root_module"`
	}
	if err := json.Unmarshal(t.top["planned_values"], &pv); err != nil {
		return nil, err
	}
	for _, m := range pv.RootModule.ChildModules {
		var head struct{ Address string }
		if err := json.Unmarshal(m, &head); err != nil {
			return nil, err
		}
		t.modules[strings.TrimPrefix(head.Address, "module.")] = compact(m)
	}
	var rcs []json.RawMessage
	if err := json.Unmarshal(t.top["resource_changes"], &rcs); err != nil {
		return nil, err
	}
	for _, rc := range rcs {
		var head struct {
			ModuleAddress string `json:"module_address"`
		}
		if err := json.Unmarshal(rc, &head); err != nil {
			return nil, err
		}
		k := strings.TrimPrefix(head.ModuleAddress, "module.")
		t.changes[k] = append(t.changes[k], compact(rc))
	}
	var rel []json.RawMessage
	if err := json.Unmarshal(t.top["relevant_attributes"], &rel); err != nil {
		return nil, err
	}
	for _, r := range rel {
		var head struct{ Resource string }
		if err := json.Unmarshal(r, &head); err != nil {
			return nil, err
		}
		k := strings.TrimPrefix(head.Resource, "module.")
		k = k[:strings.Index(k, "]")+1]
		t.relevant[k] = append(t.relevant[k], compact(r))
	}
	return t, nil
}

func compact(b []byte) []byte {
	var buf bytes.Buffer
	if err := json.Compact(&buf, b); err != nil {
		return b
	}
	return buf.Bytes()
}

// instance rewrites a template fragment of call[src] into call[i].
func instance(frag []byte, call, prefix string, src, i int) []byte {
	r := strings.NewReplacer(
		fmt.Sprintf("%s[%d]", call, src), fmt.Sprintf("%s[%d]", call, i),
		fmt.Sprintf(`%s-%d`, prefix, src), fmt.Sprintf(`%s-%d`, prefix, i),
		fmt.Sprintf(`"index":%d`, src), fmt.Sprintf(`"index":%d`, i),
	)
	return []byte(r.Replace(string(frag)))
}

// Plan writes a plan with n instances of each of the template's three
// module calls: 30 resources per n (n = 1000 gives 30,000 resources and
// about 60 MB, like the corpus's gen.sh 1000 run through Terraform). The
// output is the same for the same n.
func Plan(w io.Writer, templatePath string, n int) error {
	t, err := loadTemplate(templatePath)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	section := func(key string, emit func(sep func())) {
		fmt.Fprintf(bw, "%q:[", key)
		first := true
		emit(func() {
			if !first {
				bw.WriteByte(',')
			}
			first = false
		})
		bw.WriteString("]")
	}
	each := func(fn func(call, prefix string, src, i int)) {
		for _, c := range calls {
			for i := range n {
				src := 1
				if c.sensitive(i) {
					src = 0
				}
				fn(c.name, c.prefix, src, i)
			}
		}
	}
	fmt.Fprintf(bw, `{"format_version":%s,"terraform_version":%s,"variables":{"n":{"value":%d}},`, t.top["format_version"], t.top["terraform_version"], n)
	bw.WriteString(`"planned_values":{"root_module":{`)
	section("child_modules", func(sep func()) {
		each(func(call, prefix string, src, i int) {
			sep()
			bw.Write(instance(t.modules[fmt.Sprintf("%s[%d]", call, src)], call, prefix, src, i))
		})
	})
	bw.WriteString(`}},`)
	section("resource_changes", func(sep func()) {
		each(func(call, prefix string, src, i int) {
			for _, rc := range t.changes[fmt.Sprintf("%s[%d]", call, src)] {
				sep()
				bw.Write(instance(rc, call, prefix, src, i))
			}
		})
	})
	bw.WriteString(`,"configuration":`)
	bw.Write(compact(t.top["configuration"]))
	bw.WriteString(`,`)
	section("relevant_attributes", func(sep func()) {
		each(func(call, prefix string, src, i int) {
			for _, r := range t.relevant[fmt.Sprintf("%s[%d]", call, src)] {
				sep()
				bw.Write(instance(r, call, prefix, src, i))
			}
		})
	})
	fmt.Fprintf(bw, `,"timestamp":%s,"applyable":true,"complete":true,"errored":false}`+"\n", t.top["timestamp"])
	return bw.Flush()
}

// Tree writes a monorepo of roots root modules under dir, alternating copies
// of the corpus cases var-default-region (3 files: a root and two child
// modules) and count-foreach (2 files), each root in its own directory with
// its own child modules: 400 roots make 1,000 .tf files.
func Tree(dir, repoRoot string, roots int) (files int, err error) {
	cases := []string{"var-default-region", "count-foreach"}
	for i := range roots {
		name := cases[i%len(cases)]
		src := os.DirFS(filepath.Join(repoRoot, "testdata", "plans", name))
		dst := filepath.Join(dir, fmt.Sprintf("team-%03d", i/len(cases)), name)
		err := fs.WalkDir(src, ".", func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || filepath.Ext(path) != ".tf" {
				return err
			}
			b, err := fs.ReadFile(src, path)
			if err != nil {
				return err
			}
			out := filepath.Join(dst, filepath.FromSlash(path))
			if err := os.MkdirAll(filepath.Dir(out), 0o750); err != nil {
				return err
			}
			files++
			return os.WriteFile(out, b, 0o600)
		})
		if err != nil {
			return files, err
		}
	}
	return files, nil
}
