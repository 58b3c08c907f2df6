"""The consejos roles: the technical secretariat that convenes sessions and writes the actas."""

SECRETARIA_CONSEJOS = "Secretaría técnica de consejos"
