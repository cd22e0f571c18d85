package settings

import (
	"slices"
	"strings"
)

// Preset is a jurisdiction's doctrine as a starting policy: where
// sensitive data may be, which certifications its services must hold, and
// which rules the sensitive level (and, failing closed, the unknown one)
// requires. docs/schemes.md cites the legal text behind each.
type Preset struct {
	Name      string
	Residency []string // country groups and ISO codes, as policy.residency
	// Certifications are requirements as policy.certifications writes
	// them: SOV001 follows from "secnumcloud", SOV007 from the others.
	Certifications []string
	// Rules are the other rules the sensitive level requires.
	Rules []string
	// Law names the text the preset comes from, for listings.
	Law string
}

// Presets are the policies `preset = "…"` names, sorted by name. The
// default policy is fr-cloud-au-centre's.
var Presets = []Preset{
	{
		Name:           "de-bsi-c5",
		Residency:      []string{"eu"},
		Certifications: []string{"bsi-c5:type2"},
		Rules:          []string{"SOV003", "SOV004", "SOV005", "SOV006"},
		Law:            "BSI Mindeststandard for the use of external cloud services (federal administration; EVB-IT Cloud) and § 393 SGB V (health data, C5 Type 2 since 2025-07-01)",
	},
	{
		Name:           "es-ens",
		Residency:      []string{"eu"},
		Certifications: []string{"ens:alta"},
		Rules:          []string{"SOV003", "SOV004", "SOV005", "SOV006"},
		Law:            "Real Decreto 311/2022, Esquema Nacional de Seguridad (category alta), and CCN-STIC 823 on cloud services",
	},
	{
		Name:           "eu-csf",
		Residency:      []string{"eu"},
		Certifications: []string{"eu-csf:SEAL-3"},
		Rules:          []string{"SOV002", "SOV003", "SOV004", "SOV005", "SOV006"},
		Law:            "European Commission, Cloud Sovereignty Framework v1.2.1 (DG DIGIT, October 2025): a tender's minimum SEAL",
	},
	{
		Name:           "fr-cloud-au-centre",
		Residency:      []string{"eu"},
		Certifications: []string{"secnumcloud"},
		Rules:          []string{"SOV002", "SOV003", "SOV004", "SOV005", "SOV006"},
		Law:            "Circulaire 6282/SG of 5 July 2021, updated by 6404/SG of 31 May 2023 (doctrine « cloud au centre »), and article 31 of loi 2024-449 (SREN)",
	},
	{
		Name:           "it-acn",
		Residency:      []string{"eu"},
		Certifications: []string{"acn:QC2"},
		Rules:          []string{"SOV003", "SOV004", "SOV005", "SOV006"},
		Law:            "Regolamento unico per le infrastrutture digitali e i servizi cloud per la PA (ACN Decreto direttoriale 21007/24 of 27 June 2024)",
	},
}

// PresetByName returns the preset with the given name, or nil.
func PresetByName(name string) *Preset {
	i := slices.IndexFunc(Presets, func(p Preset) bool { return p.Name == strings.ToLower(strings.TrimSpace(name)) })
	if i < 0 {
		return nil
	}
	return &Presets[i]
}

func presetNames() string {
	names := make([]string, len(Presets))
	for i, p := range Presets {
		names[i] = p.Name
	}
	return strings.Join(names, ", ")
}
