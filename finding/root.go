package finding

// Root is one root module or plan a scan read. Findings, resources and
// errors name it by Name.
//
// Name is the root module's directory relative to the directory scanned,
// slash-separated: "." for that directory itself, "envs/prod" for a root
// module below it with --recursive. A plan's Name is ".". When a scan has
// several inputs, each Name starts with its input as the user gave it
// ("envs/prod", "plans/prod.json", "infra/envs/prod"), so that roots of
// different inputs never share a name.
type Root struct {
	Name string
	// Path is the directory or plan file, as the user would write it.
	Path string
	// Refused is true when it could not be read: Report.Errors say why.
	Refused bool
}

// IsTop reports whether a root name stands for the scanned input itself
// (a single root module or plan): such findings print and fingerprint
// without a root, exactly as before sovlint recorded roots.
func IsTop(root string) bool { return root == "" || root == "." }

// Qualified is an address with its root in front ("envs/prod:
// aws_s3_bucket.data"), or the bare address for the top root.
func Qualified(root, address string) string {
	if IsTop(root) {
		return address
	}
	return root + ": " + address
}
