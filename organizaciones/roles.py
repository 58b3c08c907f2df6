"""The organizaciones role: inspección, vigilancia y control of community organizations (Ley 2166 de 2021)."""

ORGANIZACIONES = "Organizaciones comunales (IVC)"
