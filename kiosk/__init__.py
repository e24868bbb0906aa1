"""The lobby kiosk of a government department's convenience hall (便民服务厅)."""

__version__ = "0.1.0"
