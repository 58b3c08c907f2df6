"""Every non-trivial read of rendición, with related rows fetched in a fixed number of queries."""
