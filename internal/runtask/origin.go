package runtask

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
)

// origin is a base URL the server may call: the Terraform API it serves,
// or an archive the API redirects plan downloads to. A URL is under an
// origin when its scheme, host and port are the same and its path is the
// base path or below it; nothing else about the URL is trusted.
type origin struct {
	scheme string
	host   string // lower case, with the port only when it is not the scheme's default
	path   string // without a trailing slash; "" for the whole host
}

// parseOrigin reads a base URL given by the operator.
func parseOrigin(raw string) (origin, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return origin{}, fmt.Errorf("%q is not a URL", raw)
	}
	switch {
	case u.Scheme != "https" && u.Scheme != "http":
		return origin{}, fmt.Errorf("%q: the scheme must be https (or http for a local test server)", raw)
	case u.Host == "" || u.Opaque != "":
		return origin{}, fmt.Errorf("%q has no host", raw)
	case u.User != nil:
		return origin{}, fmt.Errorf("%q must not hold credentials", raw)
	case u.RawQuery != "" || u.Fragment != "":
		return origin{}, fmt.Errorf("%q must not have a query or fragment", raw)
	}
	host, err := canonicalHost(u)
	if err != nil {
		return origin{}, fmt.Errorf("%q: %w", raw, err)
	}
	return origin{scheme: u.Scheme, host: host, path: strings.TrimRight(u.EscapedPath(), "/")}, nil
}

func (o origin) String() string { return o.scheme + "://" + o.host + o.path }

// errOrigin is a URL outside every origin the server may call.
var errOrigin = errors.New("not under an allowed URL")

// contains reports whether u is under o.
func (o origin) contains(u *url.URL) bool {
	if u == nil || u.Scheme != o.scheme || u.User != nil || u.Opaque != "" {
		return false
	}
	host, err := canonicalHost(u)
	if err != nil || host != o.host {
		return false
	}
	p := u.EscapedPath()
	// A path that climbs out with dot segments, written plainly or
	// percent-encoded, is not "below" anything.
	if hasDotSegment(p) || hasDotSegment(u.Path) {
		return false
	}
	return o.path == "" || p == o.path || strings.HasPrefix(p, o.path+"/")
}

func hasDotSegment(p string) bool {
	for seg := range strings.SplitSeq(p, "/") {
		if seg == "." || seg == ".." {
			return true
		}
	}
	return false
}

// canonicalHost lower-cases the host and drops the scheme's default port,
// so https://APP.terraform.io:443 and https://app.terraform.io compare
// equal.
func canonicalHost(u *url.URL) (string, error) {
	host := strings.ToLower(u.Hostname())
	if host == "" {
		return "", errors.New("no host")
	}
	port := u.Port()
	if (u.Scheme == "https" && port == "443") || (u.Scheme == "http" && port == "80") {
		port = ""
	}
	if port != "" {
		return net.JoinHostPort(host, port), nil
	}
	if strings.Contains(host, ":") { // IPv6 literal
		return "[" + host + "]", nil
	}
	return host, nil
}

// allowList is the set of origins a URL may be under.
type allowList []origin

// check parses raw and reports an error unless it is under one of the
// origins. The error never quotes the URL: a download URL the API
// redirects to is a credential of its own.
func (a allowList) check(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || !u.IsAbs() {
		return fmt.Errorf("%w: not an absolute URL", errOrigin)
	}
	if !a.allows(u) {
		return errOrigin
	}
	return nil
}

// allows reports whether u is under one of the origins.
func (a allowList) allows(u *url.URL) bool {
	for _, o := range a {
		if o.contains(u) {
			return true
		}
	}
	return false
}
