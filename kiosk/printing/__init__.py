"""Printed documents: the complete service guide, the feedback receipt, QR codes and the CJK font.

Pure reportlab (and qrcode for PNG images): nothing here imports Qt, so a guide can be built in a
worker thread, a child process or from the command line (``kiosk guide CODE --out FILE.pdf``).
"""
