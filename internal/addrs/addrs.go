// Package addrs parses and matches Terraform resource addresses: the one
// address parser of the project.
package addrs

import (
	"fmt"
	"strings"
)

// Step is one dot-separated step of a Terraform address: a name and,
// for module calls and resources with count or for_each, an instance key as
// written (`"a"`, `0`).
type Step struct {
	Name   string
	Key    string
	HasKey bool
}

// Parse splits a resource address or an address glob into steps:
// module.x["a.b"].aws_s3_bucket.b[0] → module, x["a.b"], aws_s3_bucket, b[0].
// Keys may hold dots and brackets inside quotes.
func Parse(s string) ([]Step, error) {
	var steps []Step
	for i := 0; ; {
		var st Step
		start := i
		for i < len(s) && s[i] != '.' && s[i] != '[' {
			i++
		}
		st.Name = s[start:i]
		if st.Name == "" {
			return nil, fmt.Errorf("empty step at offset %d", start)
		}
		if i < len(s) && s[i] == '[' {
			end, err := closingBracket(s, i)
			if err != nil {
				return nil, err
			}
			st.Key, st.HasKey = s[i+1:end], true
			i = end + 1
		}
		steps = append(steps, st)
		if i == len(s) {
			return steps, nil
		}
		if s[i] != '.' {
			return nil, fmt.Errorf("unexpected %q at offset %d", s[i], i)
		}
		i++
	}
}

// closingBracket returns the index of the "]" that closes the "[" at open,
// skipping quoted strings.
func closingBracket(s string, open int) (int, error) {
	inString := false
	for i := open + 1; i < len(s); i++ {
		switch c := s[i]; {
		case inString && c == '\\':
			i++
		case c == '"':
			inString = !inString
		case !inString && c == ']':
			return i, nil
		}
	}
	return 0, fmt.Errorf("unclosed [ at offset %d", open)
}

// Glob matches resource addresses. "*" matches any run of
// characters within a step's name or key; a "*" step matches any one step,
// and as the last step any number of them. A step without a key matches
// every instance (aws_s3_bucket.b covers b[0] and b["x"]), and a glob that
// ends with a module call covers everything inside the module:
// module.legacy, module.legacy.* and module.legacy[*] all cover
// module.legacy["eu"].module.db.aws_db_instance.main.
type Glob struct {
	Text  string
	steps []Step
}

// ParseGlob parses an address glob.
func ParseGlob(s string) (Glob, error) {
	steps, err := Parse(strings.TrimSpace(s))
	if err != nil {
		return Glob{}, err
	}
	return Glob{Text: s, steps: steps}, nil
}

// Match reports whether the glob matches a resource address.
func (g Glob) Match(address string) bool {
	addr, err := Parse(address)
	if err != nil {
		return false
	}
	last := len(g.steps) - 1
	for i, gs := range g.steps {
		if i == last && gs.Name == "*" && !gs.HasKey {
			return len(addr) > i
		}
		if i >= len(addr) {
			return false
		}
		a := addr[i]
		if !wildcard(gs.Name, a.Name) || gs.HasKey && (!a.HasKey || !wildcard(gs.Key, a.Key)) {
			return false
		}
	}
	if len(addr) == len(g.steps) {
		return true
	}
	// A shorter glob matches only as a whole module call: every step pair
	// it consumed must be module.NAME.
	if len(g.steps)%2 != 0 {
		return false
	}
	for i := 0; i < len(g.steps); i += 2 {
		if addr[i].Name != "module" {
			return false
		}
	}
	return true
}

// wildcard reports whether s matches pattern, where "*" matches any run of
// characters (including none) and every other character itself.
func wildcard(pattern, s string) bool {
	star, next := -1, 0 // last "*" in pattern, and where in s it resumes
	p, i := 0, 0
	for i < len(s) {
		switch {
		case p < len(pattern) && pattern[p] == '*':
			star, next = p, i
			p++
		case p < len(pattern) && pattern[p] == s[i]:
			p++
			i++
		case star >= 0:
			p = star + 1
			next++
			i = next
		default:
			return false
		}
	}
	for p < len(pattern) && pattern[p] == '*' {
		p++
	}
	return p == len(pattern)
}

// Join joins a module path and a module-relative address.
func Join(module, rest string) string {
	if module == "" {
		return rest
	}
	return module + "." + rest
}

// StripInstanceKeys turns an instance address into its configuration
// address: module.a["x"].aws_s3_bucket.b[0] → module.a.aws_s3_bucket.b.
func StripInstanceKeys(addr string) string {
	if !strings.ContainsRune(addr, '[') {
		return addr
	}
	var b strings.Builder
	b.Grow(len(addr))
	depth := 0
	inString := false
	for i := 0; i < len(addr); i++ {
		c := addr[i]
		switch {
		case inString:
			switch c {
			case '\\':
				i++
			case '"':
				inString = false
			}
		case c == '"' && depth > 0:
			inString = true
		case c == '[':
			depth++
		case c == ']':
			depth--
		case depth == 0:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// SplitModule splits a configuration address into its module path and the
// address within it: module.a.module.b.aws_s3_bucket.x → module.a.module.b,
// aws_s3_bucket.x.
func SplitModule(addr string) (module, local string) {
	parts := strings.Split(addr, ".")
	i := 0
	for i+1 < len(parts) && parts[i] == "module" {
		i += 2
	}
	return strings.Join(parts[:i], "."), strings.Join(parts[i:], ".")
}
