package reference

// ambiguousNames are gemeente names (name keys) that in running text more
// often mean something else: a Dutch word, a province, a region or a
// village of another gemeente. They never decide a document's gemeente from
// body text alone; "gemeente X", the host, the title or the site header
// must say it.
var ambiguousNames = map[string]string{
	"best":       "adjective (best, beste)",
	"putten":     "verb and noun (putten: wells)",
	"sluis":      "noun (a lock), also in many place names",
	"beek":       "noun (a brook), also villages elsewhere",
	"houten":     "adjective (wooden)",
	"buren":      "noun (neighbours)",
	"ede":        "noun (oaths, archaic), also in compounds",
	"epe":        "short word seen in abbreviations",
	"urk":        "short word seen in abbreviations",
	"oss":        "short word seen in abbreviations",
	"utrecht":    "also the province",
	"groningen":  "also the province",
	"bergen":     "two gemeenten (NH. and L.), and the Norwegian city",
	"laren":      "two places (NH. and Gelderland)",
	"stein":      "common surname",
	"hengelo":    "also a village in Bronckhorst",
	"rijswijk":   "also villages in Gelderland and Noord-Brabant",
	"middelburg": "also a village in Zuid-Holland",
	"duiven":     "noun (pigeons)",
	"hoorn":      "noun (horn)",
	"hulst":      "noun (holly)",
	"goes":       "English word in names and titles",
	"weert":      "verb form (weren)",
	"echt":       "adjective (real)",
	"altena":     "also a town in Germany and a castle name",
	"waterland":  "generic word (land with water)",
	"westland":   "generic region word",
	"tiel":       "short word seen in abbreviations",
	"vaals":      "adjective (vaal: pale)",
	"zundert":    "surname",
	"edam":       "also the cheese",
	"texel":      "also the sheep breed and the island",
	"land":       "generic word",
	"dongen":     "surname",
	"asten":      "verb form (asten)",
	"olst":       "part of Olst-Wijhe",
	"loon":       "noun (wages)",
	"son":        "part of Son en Breugel; English word",
	"nuenen":     "short alias of Nuenen, Gerwen en Nederwetten",
}

// isAmbiguousKey reports whether a name with name key k is too ambiguous
// to count as a bare mention in body text.
func isAmbiguousKey(k []byte) bool {
	if _, ok := ambiguousNames[string(k)]; ok {
		return true
	}
	if len(k) <= 3 {
		return true // every three-letter name reads as an abbreviation
	}
	return gemeenten().ambiguous[string(k)]
}
