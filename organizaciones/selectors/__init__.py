"""Every non-trivial read of the registry, with its related rows fetched in a fixed number of queries."""
