package main

import (
	"flag"
	"io"
	"reflect"
	"testing"
)

func TestInterleave(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"flags first", []string{"--limit", "5", "jeugd"}, []string{"--limit", "5", "--", "jeugd"}},
		{"flags after words", []string{"jeugd", "--limit", "5", "zorg"}, []string{"--limit", "5", "--", "jeugd", "zorg"}},
		{"flag with =", []string{"jeugd", "--limit=5"}, []string{"--limit=5", "--", "jeugd"}},
		{"bool flag takes no value", []string{"--syntax", "jeugd"}, []string{"--syntax", "--", "jeugd"}},
		{"minus word stays a word", []string{"jeugd", "-zorg"}, []string{"--", "jeugd", "-zorg"}},
		{"unknown long flag stays a flag", []string{"jeugd", "--kleur"}, []string{"--kleur", "--", "jeugd"}},
		{"help is a flag", []string{"jeugd", "-h"}, []string{"-h", "--", "jeugd"}},
		{"after -- all words", []string{"--", "--limit", "5"}, []string{"--", "--limit", "5"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := flag.NewFlagSet("t", flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			fs.Int("limit", 10, "")
			fs.Bool("syntax", false, "")
			if got := interleave(fs, tt.args); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("interleave(%q) = %q, want %q", tt.args, got, tt.want)
			}
		})
	}
}

func TestParseBound(t *testing.T) {
	tests := []struct {
		in   string
		want float64
	}{
		{"10000000", 10000000},
		{"2.5", 2.5},
		{"10.000.000", 10000000},
		{"2,5", 2.5},
		{"€ 10 mln", 10000000},
		{"-1.234", -1234},
	}
	for _, tt := range tests {
		got, err := parseBound("min", tt.in)
		if err != nil || got == nil || *got != tt.want {
			t.Errorf("parseBound(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"veel", "nnb", "2018-2022"} {
		if _, err := parseBound("min", bad); err == nil {
			t.Errorf("parseBound(%q) gave no error", bad)
		}
	}
}
