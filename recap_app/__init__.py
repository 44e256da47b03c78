"""recap_app: offline vote recapitulation for KPU Provinsi (Indonesia)."""

__version__ = "0.1.0"
