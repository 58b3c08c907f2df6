"""Every write of rendición goes through these services."""
