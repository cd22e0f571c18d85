package integrations

import (
	"archive/tar"
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"debug/elf"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// goreleaserConfig is the part of .goreleaser.yaml these tests read.
type goreleaserConfig struct {
	Builds []struct {
		ID      string   `yaml:"id"`
		Main    string   `yaml:"main"`
		Env     []string `yaml:"env"`
		Goos    []string `yaml:"goos"`
		Goarch  []string `yaml:"goarch"`
		Ldflags []string `yaml:"ldflags"`
	} `yaml:"builds"`
	Archives []struct {
		ID           string   `yaml:"id"`
		Meta         bool     `yaml:"meta"`
		NameTemplate string   `yaml:"name_template"`
		Formats      []string `yaml:"formats"`
		Files        []any    `yaml:"files"`
	} `yaml:"archives"`
	Checksum struct {
		NameTemplate string `yaml:"name_template"`
	} `yaml:"checksum"`
	Sboms     []map[string]any `yaml:"sboms"`
	DockersV2 []struct {
		IDs        []string          `yaml:"ids"`
		Dockerfile string            `yaml:"dockerfile"`
		Platforms  []string          `yaml:"platforms"`
		BuildArgs  map[string]string `yaml:"build_args"`
	} `yaml:"dockers_v2"`
}

// TestReleaseDefinition checks what the release promises and what
// scripts/install.sh and the image rely on, without GoReleaser: static
// binaries for the six platforms, archive and checksum names the install
// script downloads, an SBOM, the catalog archive, and a non-root image of
// the release binary.
func TestReleaseDefinition(t *testing.T) {
	var c goreleaserConfig
	readYAML(t, ".goreleaser.yaml", &c)
	if len(c.Builds) != 1 {
		t.Fatalf("%d builds, want 1", len(c.Builds))
	}
	b := c.Builds[0]
	if b.Main != "./cmd/sovlint" || !slices.Contains(b.Env, "CGO_ENABLED=0") {
		t.Errorf("build: main %q, env %v: want ./cmd/sovlint, static (CGO_ENABLED=0)", b.Main, b.Env)
	}
	slices.Sort(b.Goos)
	slices.Sort(b.Goarch)
	if !slices.Equal(b.Goos, []string{"darwin", "linux", "windows"}) || !slices.Equal(b.Goarch, []string{"amd64", "arm64"}) {
		t.Errorf("build targets %v x %v", b.Goos, b.Goarch)
	}
	if !strings.Contains(strings.Join(b.Ldflags, " "), "-X github.com/sovlint/sovlint/internal/version.release={{ .Version }}") {
		t.Errorf("ldflags %v do not set the release version", b.Ldflags)
	}
	var binaries, catalog bool
	for _, a := range c.Archives {
		switch {
		case a.Meta:
			catalog = strings.Contains(yamlString(t, a.Files), "providers/data/*.hcl")
		default:
			// scripts/install.sh downloads sovlint_OS_ARCH.tar.gz (zip on
			// Windows) from download/TAG/ and latest/download/: no version
			// in the name.
			binaries = a.NameTemplate == "{{ .ProjectName }}_{{ .Os }}_{{ .Arch }}" && slices.Equal(a.Formats, []string{"tar.gz"})
		}
	}
	if !binaries || !catalog {
		t.Errorf("archives: binaries named as install.sh expects %v, catalog archive %v", binaries, catalog)
	}
	if c.Checksum.NameTemplate != "checksums.txt" {
		t.Errorf("checksum file %q, install.sh reads checksums.txt", c.Checksum.NameTemplate)
	}
	if len(c.Sboms) == 0 {
		t.Error("no SBOM")
	}
	if len(c.DockersV2) == 0 {
		t.Fatal("no image")
	}
	for _, d := range c.DockersV2 {
		if !slices.Equal(d.IDs, []string{"sovlint"}) || d.Dockerfile != "Dockerfile" || len(d.Platforms) != 2 {
			t.Errorf("image: %+v", d)
		}
		if base := d.BuildArgs["BASE"]; base != "" && !strings.HasPrefix(base, "gcr.io/distroless/static") {
			t.Errorf("image base %q is not distroless static", base)
		}
	}

	df, err := os.ReadFile(filepath.Join(root, "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`(?m)^ARG BASE=gcr\.io/distroless/static-debian\d+:nonroot$`),
		regexp.MustCompile(`(?m)^FROM \$\{BASE\}$`),
		// dockers_v2 puts each platform's binary at OS/ARCH/ in the context.
		regexp.MustCompile(`(?m)^COPY \$\{TARGETPLATFORM\}/sovlint /usr/local/bin/sovlint$`),
		regexp.MustCompile(`(?m)^USER 65532:65532$`),
		regexp.MustCompile(`(?m)^ENTRYPOINT \["/usr/local/bin/sovlint"\]$`),
	} {
		if !want.Match(df) {
			t.Errorf("Dockerfile lacks %s", want)
		}
	}
	if regexp.MustCompile(`(?m)^USER (root|0)\b`).Match(df) {
		t.Error("the image runs as root")
	}
}

func yamlString(t *testing.T, v any) string {
	t.Helper()
	b, err := yaml.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// lookGoreleaser finds goreleaser on PATH or where go install puts it.
func lookGoreleaser(t *testing.T) string {
	t.Helper()
	if p, err := exec.LookPath("goreleaser"); err == nil {
		return p
	}
	p := filepath.Join(goEnv(t, "GOPATH"), "bin", "goreleaser")
	if _, err := os.Stat(p); err != nil {
		t.Skip("goreleaser is not installed (.ci/run installs it: go install github.com/goreleaser/goreleaser/v2@v2.17.0)")
	}
	return p
}

// TestReleaseSnapshot runs GoReleaser as a release would, offline: the
// configuration validates, and a snapshot of this machine's platform
// (building all six takes minutes on CI's two cores; the targets are the
// only change to the configuration) produces the archive, the catalog
// archive and checksums.txt that scripts/install.sh then installs from, and
// the SBOMs when syft is installed. The image is not built: it needs a
// Docker engine (TestReleaseDefinition checks its definition).
func TestReleaseSnapshot(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a release snapshot")
	}
	gr := lookGoreleaser(t)
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	// GoReleaser runs syft from PATH; go install puts it in GOPATH/bin.
	path := filepath.Join(goEnv(t, "GOPATH"), "bin") + string(os.PathListSeparator) + os.Getenv("PATH")
	goreleaser := func(args ...string) []byte {
		t.Helper()
		cmd := exec.Command(gr, args...)
		cmd.Dir = root
		cmd.Env = append(os.Environ(), "GOPROXY=off", "GOTOOLCHAIN=local", "PATH="+path)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("goreleaser %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return out
	}
	goreleaser("check")

	var cfg map[string]any
	readYAML(t, ".goreleaser.yaml", &cfg)
	builds, ok := cfg["builds"].([]any)
	if !ok || len(builds) != 1 {
		t.Fatalf("builds: %v", cfg["builds"])
	}
	build, ok := builds[0].(map[string]any)
	if !ok {
		t.Fatalf("builds[0]: %v", builds[0])
	}
	build["goos"] = []string{runtime.GOOS}
	build["goarch"] = []string{runtime.GOARCH}
	dist := t.TempDir()
	cfg["dist"] = dist
	skip := "docker"
	_, syftErr := lookPathIn(path, "syft")
	if syftErr != nil {
		skip += ",sbom"
		t.Log("syft is not installed: the SBOMs are not made (go install github.com/anchore/syft/cmd/syft@v1.57.1)")
	}
	config := filepath.Join(t.TempDir(), "goreleaser.yaml")
	writeFile(t, config, yamlString(t, cfg))
	out := goreleaser("release", "--snapshot", "--clean", "--skip="+skip, "--config", config)
	t.Logf("goreleaser release --snapshot:\n%s", out)

	// checksums.txt lists every asset, with its right SHA-256.
	sums := map[string]string{}
	f, err := os.Open(filepath.Join(dist, "checksums.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for sc := bufio.NewScanner(f); sc.Scan(); {
		sum, name, ok := strings.Cut(sc.Text(), "  ")
		if !ok {
			t.Fatalf("checksums.txt line %q", sc.Text())
		}
		sums[name] = sum
	}
	want := []string{assetName(), "sovlint_catalog.tar.gz"}
	if syftErr == nil {
		want = append(want, assetName()+".spdx.json", "sovlint_catalog.tar.gz.spdx.json")
	}
	for _, name := range want {
		b, err := os.ReadFile(filepath.Join(dist, name))
		if err != nil {
			t.Errorf("no %s in the snapshot: %v", name, err)
			continue
		}
		h := sha256.Sum256(b)
		if sums[name] != hex.EncodeToString(h[:]) {
			t.Errorf("checksums.txt has %q for %s, its SHA-256 is %x", sums[name], name, h)
		}
	}

	// The catalog archive holds every catalog file, byte for byte.
	cat := untar(t, filepath.Join(dist, "sovlint_catalog.tar.gz"))
	data, err := filepath.Glob(filepath.Join(root, "providers", "data", "*.hcl"))
	if err != nil || len(data) == 0 {
		t.Fatalf("catalog files: %v", err)
	}
	for _, p := range data {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if got, ok := cat["catalog/"+filepath.Base(p)]; !ok || !bytes.Equal(got, b) {
			t.Errorf("the catalog archive's %s differs from providers/data (present: %v)", filepath.Base(p), ok)
		}
	}
	if _, ok := cat["LICENSE"]; !ok {
		t.Error("the catalog archive has no LICENSE")
	}

	// The binary archive: LICENSE and a static sovlint.
	if runtime.GOOS != "windows" {
		files := untar(t, filepath.Join(dist, assetName()))
		for _, name := range []string{"sovlint", "LICENSE", "CHANGELOG.md"} {
			if _, ok := files[name]; !ok {
				t.Errorf("%s has no %s", assetName(), name)
			}
		}
		if runtime.GOOS == "linux" {
			exe, err := elf.NewFile(bytes.NewReader(files["sovlint"]))
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range exe.Progs {
				if p.Type == elf.PT_INTERP || p.Type == elf.PT_DYNAMIC {
					t.Errorf("the release binary is dynamically linked (%v)", p.Type)
				}
			}
		}
	}

	// scripts/install.sh installs the snapshot from a server laid out like
	// GitHub's releases, checking it against the snapshot's checksums.
	assets := map[string][]byte{}
	for _, name := range append(want, "checksums.txt") {
		b, err := os.ReadFile(filepath.Join(dist, name))
		if err != nil {
			t.Fatal(err)
		}
		assets[name] = b
	}
	url, _ := serve(t, releaseTree(t, assets))
	bindir := t.TempDir()
	if code, _, stderr := installScript(t, []string{"SOVLINT_RELEASES_URL=" + url}, "-b", bindir, testVersion); code != 0 {
		t.Fatalf("install.sh of the snapshot: exit %d\n%s", code, stderr)
	}
	runs(t, filepath.Join(bindir, "sovlint"))

	// The binary knows its release version (the linker sets it), which
	// SARIF's semanticVersion and the pinned documentation links need.
	var meta struct {
		Version string `json:"version"`
	}
	b, err := os.ReadFile(filepath.Join(dist, "metadata.json"))
	if err != nil || json.Unmarshal(b, &meta) != nil || meta.Version == "" {
		t.Fatalf("dist/metadata.json: %v %q", err, b)
	}
	out, err = exec.Command(filepath.Join(bindir, "sovlint"), "--version").Output()
	if first, _, _ := strings.Cut(string(out), "\n"); err != nil || first != "sovlint "+meta.Version {
		t.Errorf("sovlint --version = %q (%v), want a first line sovlint %s", out, err, meta.Version)
	}

	// The catalog archive is what the released sovlint exports, and a
	// bundle it loads.
	exported := t.TempDir()
	if out, err := exec.Command(filepath.Join(bindir, "sovlint"), "catalog", "export", exported).CombinedOutput(); err != nil {
		t.Fatalf("sovlint catalog export: %v\n%s", err, out)
	}
	bundle := t.TempDir()
	var names []string
	for name, b := range cat {
		if strings.HasPrefix(name, "catalog/") {
			names = append(names, name)
			writeFile(t, filepath.Join(bundle, strings.TrimPrefix(name, "catalog/")), string(b))
		}
	}
	entries, err := os.ReadDir(exported)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(names) {
		t.Errorf("the catalog archive has %d files, sovlint catalog export writes %d", len(names), len(entries))
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(exported, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(cat["catalog/"+e.Name()], b) {
			t.Errorf("the catalog archive's %s differs from sovlint catalog export's", e.Name())
		}
	}
	if out, err := exec.Command(filepath.Join(bindir, "sovlint"), "providers", "--catalog", bundle, "--summary").CombinedOutput(); err != nil {
		t.Errorf("sovlint providers --catalog <the catalog archive>: %v\n%s", err, out)
	}
}

// untar reads a .tar.gz into a map of file name to content.
func untar(t *testing.T, path string) map[string][]byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return files
		}
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(io.LimitReader(tr, 64<<20))
		if err != nil {
			t.Fatal(err)
		}
		files[h.Name] = b
	}
}

// lookPathIn is exec.LookPath over the directories of path.
func lookPathIn(path, name string) (string, error) {
	for _, dir := range filepath.SplitList(path) {
		p := filepath.Join(dir, name)
		if info, err := os.Stat(p); err == nil && !info.IsDir() && info.Mode()&0o111 != 0 {
			return p, nil
		}
	}
	return "", exec.ErrNotFound
}
