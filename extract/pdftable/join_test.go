package pdftable

import "testing"

func TestJoinBroken(t *testing.T) {
	tests := []struct {
		prev, next string
		want       string
		ok         bool
	}{
		{"Participatiewet op 31-", "12", "Participatiewet op 31-12", true},
		{"periode 2019-", "2022", "periode 2019-2022", true},
		{"aantal Wmo-", "voorzieningen", "aantal Wmo-voorzieningen", true},
		{"uitgaven jeugd-", "zorg", "uitgaven jeugdzorg", true},
		{"Noord-", "Holland", "Noord-Holland", true},
		{"Ontmoetings-", "en recreatieve voorzieningen", "", false},
		{"bedrag -", "12", "", false},
		{"Aantal", "inwoners", "", false},
		{"tot 31-", "dec", "", false},
	}
	for _, tt := range tests {
		got, ok := joinBroken(tt.prev, tt.next)
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("joinBroken(%q, %q) = %q, %v; want %q, %v", tt.prev, tt.next, got, ok, tt.want, tt.ok)
		}
	}
}

// TestWrappedLabelHyphen checks that a label broken after a hyphen comes
// out joined in its cell.
func TestWrappedLabelHyphen(t *testing.T) {
	d := newPDF(595, 842)
	b := d.page()
	d.text(b, 50, 100, 9, "Indicator")
	d.right(b, 400, 100, 9, "2021")
	d.right(b, 480, 100, 9, "2022")
	y := 118.0
	for r := 0; r < 4; r++ {
		label := []string{postName(r)}
		if r == 1 {
			label = []string{"Aantal uitkeringen Participatiewet op 31-", "12"}
		}
		d.right(b, 400, y, 9, amount(300+r*97))
		d.right(b, 480, y, 9, amount(310+r*89))
		for _, l := range label {
			d.text(b, 50, y, 9, l)
			y += 11
		}
		y += 6
	}
	found := Find(readPDF(t, d.bytes()))
	if len(found) != 1 {
		t.Fatalf("found %d tables, want 1", len(found))
	}
	tb := found[0].Table
	wantRow(t, tb, 2, "Aantal uitkeringen Participatiewet op 31-12", amount(300+97), amount(310+89))
}
