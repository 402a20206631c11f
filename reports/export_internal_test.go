package reports

// CutRunes is cutRunes, for the tests of package reports_test.
var CutRunes = cutRunes
