"""Import of contacts from a spreadsheet: read (refuse what is unreadable, write nothing),
map the columns (guessed from French headers), run row by row, report."""
