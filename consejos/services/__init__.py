"""Every write of the consejos goes through these services."""
