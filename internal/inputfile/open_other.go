//go:build !unix

package inputfile

import "os"

// openNonBlocking opens for reading (FIFOs are a Unix matter).
func openNonBlocking(path string) (*os.File, error) {
	return os.Open(path)
}
