package index

import (
	"testing"

	"github.com/jaarzoek/jaarzoek/model"
)

func rec(id, gemeente string, format model.Format, docYear, period int, v float64) model.Record {
	return model.Record{ID: id, DocInfo: model.DocInfo{Gemeente: gemeente, GemeenteCode: "GM" + gemeente[:2], Format: format, DocYear: docYear},
		Indicator: "% jongeren met jeugdhulp", IndicatorKey: "% jongeren met jeugdhulp", Unit: model.UnitProcent,
		Period: period, Value: &v, Status: model.StatusOK, Scope: model.ScopeGemeente}
}

func TestPivot(t *testing.T) {
	records := []model.Record{
		// HTML and PDF of one report agree: one value.
		rec("a1", "Leiderdorp", model.FormatHTML, 2022, 2021, 12.3),
		rec("a2", "Leiderdorp", model.FormatPDF, 2022, 2021, 12.3),
		// Printed twice in one PDF: one value.
		rec("a3", "Leiderdorp", model.FormatPDF, 2022, 2022, 11),
		rec("a4", "Leiderdorp", model.FormatPDF, 2022, 2022, 11),
		// The report of 2020 and a later one disagree about 2020: the
		// 2020 report wins, the other value is kept.
		rec("a5", "Leiderdorp", model.FormatHTML, 2022, 2020, 12.4),
		rec("a6", "Leiderdorp", model.FormatPDF, 2020, 2020, 12.1),
		rec("b1", "Twenterand", model.FormatPDF, 2022, 2022, 9),
	}
	missing := rec("m", "Twenterand", model.FormatPDF, 2022, 2021, 0)
	missing.Value, missing.Status = nil, model.StatusMissing
	records = append(records, missing)

	p := NewPivot(records)
	if len(p.Periods) != 3 || p.Periods[0] != 2020 || p.Periods[2] != 2022 {
		t.Fatalf("periods %v", p.Periods)
	}
	if len(p.Rows) != 2 || p.Rows[0].Gemeente != "Leiderdorp" || p.Rows[1].Gemeente != "Twenterand" {
		t.Fatalf("rows %+v", p.Rows)
	}
	ld := p.Rows[0]
	tests := []struct {
		period    int
		value     float64
		from      string
		copies    int
		conflicts int
	}{
		{2021, 12.3, "a1", 2, 0},
		{2022, 11, "a3", 2, 0},
		{2020, 12.1, "a6", 2, 1},
	}
	for _, tt := range tests {
		c := ld.Cells[tt.period]
		if c == nil {
			t.Fatalf("no cell for %d", tt.period)
		}
		if c.Value != tt.value || c.Record.ID != tt.from || c.Copies != tt.copies || len(c.Conflicts) != tt.conflicts {
			t.Errorf("%d: value %v from %s copies %d conflicts %d; want %v from %s, %d, %d",
				tt.period, c.Value, c.Record.ID, c.Copies, len(c.Conflicts), tt.value, tt.from, tt.copies, tt.conflicts)
		}
	}
	if v := *ld.Cells[2020].Conflicts[0].Value; v != 12.4 {
		t.Errorf("conflict value %v, want 12.4", v)
	}
	if _, ok := p.Rows[1].Cells[2021]; ok {
		t.Errorf("a missing figure made a cell")
	}
}
