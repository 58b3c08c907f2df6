"""Every write of the organizations registry and its procedures goes through these services."""
