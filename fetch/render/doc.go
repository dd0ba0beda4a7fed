// Package render loads a web page in headless Chromium and returns the HTML
// of its document once the page's scripts have filled it: a fetch.Renderer
// for report sites whose pages are empty shells without JavaScript.
//
// Each call starts a browser and stops it again, so nothing lives between
// calls; that costs about a second per page, which the rate limit per host
// hides on a crawl.
package render
