"""The rendición de cuentas role: reads every app's figures to build the informes (Ley 1757 de 2015)."""

RENDICION = "Rendición de cuentas"
