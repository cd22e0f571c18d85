package inputfile

// Encoding tells text that is not UTF-8 by its start: a byte order mark,
// or the NULs of UTF-16 and UTF-32 text that has none. Windows tools write
// such files (PowerShell 5's > writes UTF-16), and Terraform and sovlint
// read UTF-8 only: named, the encoding makes a clear error, where the
// parsers would report an invalid character.
//
// bom is the length of a UTF-8 byte order mark at the start (3), which
// readers skip; foreign names another encoding, "" for UTF-8.
func Encoding(b []byte) (bom int, foreign string) {
	at := func(i int) int {
		if i < len(b) {
			return int(b[i])
		}
		return -1
	}
	switch {
	case at(0) == 0xef && at(1) == 0xbb && at(2) == 0xbf:
		return 3, ""
	case at(0) == 0xff && at(1) == 0xfe && at(2) == 0 && at(3) == 0:
		return 0, "UTF-32 (little-endian)"
	case at(0) == 0 && at(1) == 0 && at(2) == 0xfe && at(3) == 0xff:
		return 0, "UTF-32 (big-endian)"
	case at(0) == 0xff && at(1) == 0xfe:
		return 0, "UTF-16 (little-endian)"
	case at(0) == 0xfe && at(1) == 0xff:
		return 0, "UTF-16 (big-endian)"
	case at(0) > 0 && at(1) == 0 && at(2) > 0 && at(3) == 0:
		return 0, "UTF-16 (little-endian)"
	case at(0) == 0 && at(1) > 0 && at(2) == 0 && at(3) > 0:
		return 0, "UTF-16 (big-endian)"
	}
	return 0, ""
}

// EncodingMsg is the error for text in a foreign encoding.
func EncodingMsg(foreign string) string {
	return "is " + foreign + " text; sovlint reads UTF-8, as Terraform does: convert it (iconv -f UTF-16 -t UTF-8, or Out-File -Encoding utf8 in PowerShell)"
}
