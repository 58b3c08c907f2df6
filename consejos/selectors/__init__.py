"""Every non-trivial read of the consejos, with related rows fetched in a fixed number of queries."""
