// Package model holds the types that flow between jaarzoek's stages: a
// Source is fetched into a Raw, extracted into a Document of Blocks and
// Tables, and normalised into Records (one per figure) and Passages (text for
// search).
//
// The JSON tags of Record and Passage are a public contract: scripts of
// researchers read them. Fields may be added; none is renamed or changes its
// meaning.
package model
