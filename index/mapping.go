package index

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	_ "github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/nl"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/unicodenorm"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/single"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
)

// Names of the analysis parts the mapping declares.
const (
	analyzerText  = "jz_nl"       // NFKC, lower case, Dutch stop words, Dutch Snowball stemmer
	analyzerParts = "jz_parts"    // NFKC, lower case, then every suffix of the word
	analyzerLower = "jz_lower"    // the whole value as one lower-case term
	filterNFKC    = "jz_nfkc"     // unicode normalisation to NFKC
	filterSuffix  = "jz_suffixes" // registered below
)

// Document types in the index.
const (
	typePassage  = "passage"
	typeFigure   = "figure"
	typeDocument = "document"
	typeWord     = "word"
)

// minPart is the shortest sub-word (in runes) the parts field keeps and a
// query looks for: shorter pieces of compounds match too much by chance.
const minPart = 4

// minCompound is the shortest word (in runes) taken for a compound: two
// parts of minPart runes.
const minCompound = 2 * minPart

// maxPartWord caps the words whose suffixes are indexed; longer tokens are
// URLs or glued text, not compounds.
const maxPartWord = 40

// schemaBase names the shape of the index documents; SchemaVersion adds a
// hash of the mapping so any change to it refuses old indexes.
const schemaBase = "jaarzoek-index-1"

// SchemaVersion identifies the mapping and document layout an index was
// written with. Open refuses an index with another version.
var SchemaVersion = func() string {
	_ = suffixRegistered
	b, err := json.Marshal(newMapping())
	if err != nil {
		panic(fmt.Sprintf("index: mapping does not marshal: %v", err))
	}
	sum := sha256.Sum256(b)
	return schemaBase + "+" + hex.EncodeToString(sum[:6])
}()

// suffixRegistered registers the decompounding filter: every process that
// opens an index must know it, and the mapping is built with it.
var suffixRegistered = func() bool {
	if err := registry.RegisterTokenFilter(filterSuffix, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return suffixFilter{min: minPart, max: maxPartWord}, nil
	}); err != nil {
		panic(err)
	}
	return true
}()

// suffixFilter replaces each token by all its suffixes of at least min
// runes, the token itself first. A prefix query on these terms finds a word
// inside a compound without a dictionary: "jeugdhulp" is a prefix of the
// suffix "jeugdhulpvoorzieningen" and "hulp" of "hulpvoorzieningen".
type suffixFilter struct{ min, max int }

func (f suffixFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	out := make(analysis.TokenStream, 0, len(in)*8)
	for _, tok := range in {
		term := tok.Term
		n := utf8.RuneCount(term)
		if n < f.min || n > f.max || allDigits(term) {
			continue
		}
		for i := 0; n >= f.min; n-- {
			out = append(out, &analysis.Token{Term: term[i:], Start: tok.Start, End: tok.End, Position: tok.Position, Type: tok.Type})
			_, size := utf8.DecodeRune(term[i:])
			i += size
		}
	}
	return out
}

func allDigits(b []byte) bool {
	for _, c := range b {
		if (c < '0' || c > '9') && c != '.' && c != ',' {
			return false
		}
	}
	return true
}

// newMapping builds the index mapping: static document mappings for
// passages, figures and document statuses. Only the fields declared here are
// indexed; each index document stores one JSON blob ("stored") from which
// the model value is rebuilt, so no field is stored twice.
func newMapping() *mapping.IndexMappingImpl {
	im := mapping.NewIndexMapping()
	im.DefaultAnalyzer = analyzerText
	// Unqualified words in query-string syntax search the passage text.
	im.DefaultField = "text"
	im.StoreDynamic = false
	im.IndexDynamic = false
	im.DocValuesDynamic = false
	im.DefaultMapping = mapping.NewDocumentDisabledMapping()

	must := func(err error) {
		if err != nil {
			panic(fmt.Sprintf("index: mapping: %v", err))
		}
	}
	must(im.AddCustomTokenFilter(filterNFKC, map[string]interface{}{
		"type": unicodenorm.Name,
		"form": unicodenorm.NFKC,
	}))
	must(im.AddCustomAnalyzer(analyzerText, map[string]interface{}{
		"type":          custom.Name,
		"tokenizer":     unicode.Name,
		"token_filters": []interface{}{filterNFKC, lowercase.Name, nl.StopName, nl.SnowballStemmerName},
	}))
	must(im.AddCustomAnalyzer(analyzerParts, map[string]interface{}{
		"type":          custom.Name,
		"tokenizer":     unicode.Name,
		"token_filters": []interface{}{filterNFKC, lowercase.Name, filterSuffix},
	}))
	must(im.AddCustomAnalyzer(analyzerLower, map[string]interface{}{
		"type":          custom.Name,
		"tokenizer":     single.Name,
		"token_filters": []interface{}{filterNFKC, lowercase.Name},
	}))

	for t, dm := range map[string]*mapping.DocumentMapping{
		typePassage: passageMapping(), typeFigure: figureMapping(),
		typeDocument: documentMapping(), typeWord: wordMapping(),
	} {
		// No field goes into the composite _all field; without this it
		// is still built, empty, for every document.
		dm.AddSubDocumentMapping("_all", mapping.NewDocumentDisabledMapping())
		im.AddDocumentMapping(t, dm)
	}
	return im
}

// field constructors with the defaults jaarzoek wants: nothing stored,
// nothing in _all, doc values only where facets or sorting need them.

func keyword(docValues bool) *mapping.FieldMapping {
	f := mapping.NewKeywordFieldMapping()
	f.Store = false
	f.IncludeInAll = false
	f.IncludeTermVectors = false
	f.DocValues = docValues
	// Frequencies and norms stay: without them bleve scores a match NaN,
	// and filters are scored (with boost 0) so conjunctions can skip.
	return f
}

func lower() *mapping.FieldMapping {
	f := keyword(false)
	f.Analyzer = analyzerLower
	return f
}

func text(analyzer string, vectors bool) *mapping.FieldMapping {
	f := mapping.NewTextFieldMapping()
	f.Analyzer = analyzer
	f.Store = false
	f.IncludeInAll = false
	f.IncludeTermVectors = vectors
	f.DocValues = false
	return f
}

func number(docValues bool) *mapping.FieldMapping {
	f := mapping.NewNumericFieldMapping()
	f.Store = false
	f.IncludeInAll = false
	f.DocValues = docValues
	return f
}

func blob() *mapping.FieldMapping {
	f := mapping.NewTextFieldMapping()
	f.Index = false
	f.Store = true
	f.IncludeInAll = false
	f.IncludeTermVectors = false
	f.DocValues = false
	return f
}

func addDocFields(dm *mapping.DocumentMapping, facets bool) {
	dm.AddFieldMappingsAt("t", keyword(false))
	dm.AddFieldMappingsAt("doc", keyword(false))
	dm.AddFieldMappingsAt("source", keyword(false))
	dm.AddFieldMappingsAt("format", keyword(false))
	dm.AddFieldMappingsAt("gemeente", keyword(facets))
	dm.AddFieldMappingsAt("gemeente_lc", lower())
	dm.AddFieldMappingsAt("gemeente_code", keyword(false))
	dm.AddFieldMappingsAt("doc_kind", keyword(facets))
	dm.AddFieldMappingsAt("doc_year", number(false))
	dm.AddFieldMappingsAt("year", keyword(facets))
	dm.AddFieldMappingsAt("stored", blob())
}

func passageMapping() *mapping.DocumentMapping {
	dm := mapping.NewDocumentStaticMapping()
	addDocFields(dm, true)
	// Term vectors only on text: phrases and highlighting need positions
	// and offsets.
	dm.AddFieldMappingsAt("text", text(analyzerText, true))
	dm.AddFieldMappingsAt("section", keyword(false))
	dm.AddFieldMappingsAt("page", number(false))
	return dm
}

func figureMapping() *mapping.DocumentMapping {
	dm := mapping.NewDocumentStaticMapping()
	addDocFields(dm, false)
	dm.AddFieldMappingsAt("indicator", text(analyzerText, false))
	for _, f := range []string{"indicator_key", "indicator_id", "unit", "scope", "status", "period_kind",
		"section", "row_path", "taakveld", "column", "bron", "check", "marks", "period_source"} {
		dm.AddFieldMappingsAt(f, keyword(false))
	}
	dm.AddFieldMappingsAt("period", number(false))
	dm.AddFieldMappingsAt("value", number(false))
	return dm
}

func documentMapping() *mapping.DocumentMapping {
	dm := mapping.NewDocumentStaticMapping()
	addDocFields(dm, false)
	dm.AddFieldMappingsAt("status", keyword(false))
	return dm
}

// wordMapping maps the vocabulary: one document per long word of the
// passages (a compound candidate), its id the stem the text field indexes,
// its parts field every suffix of the word. A query word is looked up here
// first and the stems found are searched in the text field: compounds are
// found by their parts at a cost that grows with the vocabulary, not with
// the number of passages.
func wordMapping() *mapping.DocumentMapping {
	dm := mapping.NewDocumentStaticMapping()
	dm.AddFieldMappingsAt("t", keyword(false))
	dm.AddFieldMappingsAt("parts", text(analyzerParts, false))
	return dm
}
