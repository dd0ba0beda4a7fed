package reference

import (
	"bytes"
	_ "embed"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

//go:embed data/taakvelden.csv
var taakveldenCSV []byte

//go:embed data/taakvelden_iv3.csv
var taakveldenIv3CSV []byte

// A TaakveldInfo is an Iv3 taakveld (or hoofdtaakveld, or a pre-2017 functie)
// in one period of validity.
type TaakveldInfo struct {
	Code      string // "6.71a", "0.10", "6"
	Name      string
	Kind      string // "taakveld", "hoofdtaakveld" or "functie (pre-2017 Iv3)"
	ValidFrom int    // first year; 0 when not known
	ValidTo   int    // last year; 0 while still valid
	Parent    string // code of the taakveld or hoofdtaakveld above it
}

// ValidIn reports whether t is in use in year.
func (t TaakveldInfo) ValidIn(year int) bool {
	return (t.ValidFrom == 0 || year >= t.ValidFrom) && (t.ValidTo == 0 || year <= t.ValidTo)
}

var (
	tvOnce   sync.Once
	tvByCode map[string][]TaakveldInfo
	// taakveldCodeRe is the shape of a taakveld code: hoofdtaakveld, a dot,
	// one to three digits and an optional letter.
	taakveldCodeRe = regexp.MustCompile(`^[0-8]\.[0-9]{1,3}[a-d]?$`)
)

func taakvelden() map[string][]TaakveldInfo {
	tvOnce.Do(func() {
		tvByCode = map[string][]TaakveldInfo{}
		for _, src := range []struct {
			name string
			data []byte
		}{{"taakvelden.csv", taakveldenCSV}, {"taakvelden_iv3.csv", taakveldenIv3CSV}} {
			if err := loadTaakvelden(src.name, src.data, tvByCode); err != nil {
				panic(err) // embedded data: a failure is a build defect
			}
		}
	})
	return tvByCode
}

func loadTaakvelden(name string, data []byte, into map[string][]TaakveldInfo) error {
	rows, err := readCSV(bytes.NewReader(data), name)
	if err != nil {
		return err
	}
	year := func(s, col, code string) (int, error) {
		if s == "" {
			return 0, nil
		}
		y, err := strconv.Atoi(s)
		if err != nil {
			return 0, fmt.Errorf("reading %s: %s: %s: %w", name, code, col, err)
		}
		return y, nil
	}
	for _, r := range rows {
		t := TaakveldInfo{Code: r["code"], Name: r["name"], Kind: r["kind"], Parent: r["parent"]}
		if t.ValidFrom, err = year(r["valid_from"], "valid_from", t.Code); err != nil {
			return err
		}
		if t.ValidTo, err = year(r["valid_to"], "valid_to", t.Code); err != nil {
			return err
		}
		into[t.Code] = append(into[t.Code], t)
	}
	return nil
}

// Taakveld returns the taakveld with code ("6.71", "0.10", "6.81b"), in its
// latest period of validity; a code whose name changed (6.2 Wijkteams until
// 2022, Toegang en eerstelijnsvoorzieningen from 2023) gives the latest
// name. Use TaakveldYear for the name in a given year.
func Taakveld(code string) (TaakveldInfo, bool) {
	ts := taakvelden()[strings.TrimSpace(code)]
	if len(ts) == 0 {
		return TaakveldInfo{}, false
	}
	best := ts[0]
	for _, t := range ts[1:] {
		if t.ValidFrom > best.ValidFrom {
			best = t
		}
	}
	return best, true
}

// TaakveldYear returns the taakveld with code as it was in year.
func TaakveldYear(code string, year int) (TaakveldInfo, bool) {
	for _, t := range taakvelden()[strings.TrimSpace(code)] {
		if t.ValidIn(year) {
			return t, true
		}
	}
	return TaakveldInfo{}, false
}

// IsTaakveldCode reports whether s is the code of a taakveld in the
// reference lists: "0.1", "0.10", "6.71", "6.71a", "6.81b". Bare
// hoofdtaakveld digits and pre-2017 functie numbers ("610") are not
// accepted: in a table they read as figures.
func IsTaakveldCode(s string) bool {
	s = strings.TrimSpace(s)
	if !taakveldCodeRe.MatchString(s) {
		return false
	}
	for _, t := range taakvelden()[s] {
		if t.Kind == "taakveld" {
			return true
		}
	}
	return false
}
