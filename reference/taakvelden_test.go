package reference

import "testing"

func TestIsTaakveldCode(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"0.1", true},
		{"0.10", true},
		{"0.61", true},
		{"6.71", true},
		{"6.71a", true},
		{"6.81b", true},
		{"6.82a", true},
		{"6.711", true},
		{"8.3", true},
		{" 7.2 ", true},
		{"6", false},     // a hoofdtaakveld alone reads as a figure
		{"610", false},   // pre-2017 functie
		{"6.71e", false}, // no such split
		{"6.9", false},
		{"9.1", false},
		{"0,1", false},
		{"1.000", false},
		{"2021", false},
		{"", false},
		{"6.71A", false},
	}
	for _, tt := range tests {
		if got := IsTaakveldCode(tt.in); got != tt.want {
			t.Errorf("IsTaakveldCode(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestTaakveld(t *testing.T) {
	tests := []struct {
		code     string
		year     int // 0: Taakveld, else TaakveldYear
		name     string
		from, to int
		ok       bool
	}{
		{"0.10", 0, "Mutaties reserves", 2017, 0, true},
		{"6.71a", 0, "Hulp bij het huishouden (WMO)", 2023, 2024, true},
		{"6.2", 0, "Toegang en eerstelijnsvoorzieningen", 2023, 2024, true},
		{"6.2", 2019, "Wijkteams", 2017, 2022, true},
		{"6.2", 2023, "Toegang en eerstelijnsvoorzieningen", 2023, 2024, true},
		{"6.71", 2020, "Maatwerkdienstverlening 18+", 2017, 2022, true},
		{"6.71", 2024, "", 0, 0, false},
		{"610", 0, "Bijstandsverlening en inkomensvoorzieningen en subsidies", 0, 2016, true},
		{"9.9", 0, "", 0, 0, false},
	}
	for _, tt := range tests {
		var tv TaakveldInfo
		var ok bool
		if tt.year == 0 {
			tv, ok = Taakveld(tt.code)
		} else {
			tv, ok = TaakveldYear(tt.code, tt.year)
		}
		if ok != tt.ok || tv.Name != tt.name || tv.ValidFrom != tt.from || tv.ValidTo != tt.to {
			t.Errorf("Taakveld(%q, %d) = %+v, %v; want %q %d–%d %v", tt.code, tt.year, tv, ok, tt.name, tt.from, tt.to, tt.ok)
		}
	}
}
