package runtask

import (
	"crypto/hmac"
	"crypto/sha512"
	"encoding/hex"
	"strings"
)

// Sign returns the X-TFC-Task-Signature value HCP Terraform sends for body:
// the hex HMAC-SHA512 of the body under key.
func Sign(key, body []byte) string {
	mac := hmac.New(sha512.New, key)
	mac.Write(body) // a hash.Hash never returns an error
	return hex.EncodeToString(mac.Sum(nil))
}

// validSignature reports whether header is the signature of body under
// key. The comparison takes the same time whatever the bytes of a
// wrong signature, so timing reveals nothing about the expected one.
func validSignature(key, body []byte, header string) bool {
	got, err := hex.DecodeString(strings.TrimSpace(header))
	if err != nil || len(got) != sha512.Size {
		return false
	}
	mac := hmac.New(sha512.New, key)
	mac.Write(body)
	return hmac.Equal(got, mac.Sum(nil))
}
