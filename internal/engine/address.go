package engine

import (
	"fmt"
	"strings"
)

// addressStep is one dot-separated step of a Terraform address: a name and,
// for module calls and resources with count or for_each, an instance key as
// written (`"a"`, `0`).
type addressStep struct {
	name   string
	key    string
	hasKey bool
}

// parseAddress splits a resource address or an address glob into steps:
// module.x["a.b"].aws_s3_bucket.b[0] → module, x["a.b"], aws_s3_bucket, b[0].
// Keys may hold dots and brackets inside quotes.
func parseAddress(s string) ([]addressStep, error) {
	var steps []addressStep
	for i := 0; ; {
		var st addressStep
		start := i
		for i < len(s) && s[i] != '.' && s[i] != '[' {
			i++
		}
		st.name = s[start:i]
		if st.name == "" {
			return nil, fmt.Errorf("empty step at offset %d", start)
		}
		if i < len(s) && s[i] == '[' {
			end, err := closingBracket(s, i)
			if err != nil {
				return nil, err
			}
			st.key, st.hasKey = s[i+1:end], true
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

// addressGlob matches resource addresses. "*" matches any run of
// characters within a step's name or key; a "*" step matches any one step,
// and as the last step any number of them. A step without a key matches
// every instance (aws_s3_bucket.b covers b[0] and b["x"]), and a glob that
// ends with a module call covers everything inside the module:
// module.legacy, module.legacy.* and module.legacy[*] all cover
// module.legacy["eu"].module.db.aws_db_instance.main.
type addressGlob struct {
	text  string
	steps []addressStep
}

func parseAddressGlob(s string) (addressGlob, error) {
	steps, err := parseAddress(strings.TrimSpace(s))
	if err != nil {
		return addressGlob{}, err
	}
	return addressGlob{text: s, steps: steps}, nil
}

func (g addressGlob) match(address string) bool {
	addr, err := parseAddress(address)
	if err != nil {
		return false
	}
	last := len(g.steps) - 1
	for i, gs := range g.steps {
		if i == last && gs.name == "*" && !gs.hasKey {
			return len(addr) > i
		}
		if i >= len(addr) {
			return false
		}
		a := addr[i]
		if !wildcard(gs.name, a.name) || gs.hasKey && (!a.hasKey || !wildcard(gs.key, a.key)) {
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
		if addr[i].name != "module" {
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
