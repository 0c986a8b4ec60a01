"""The one token layer every stage reads: words with offsets, their folded and stemmed forms,
and the quantities (numbers, units, dates) they state."""
