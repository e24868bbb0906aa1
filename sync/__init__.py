"""The office side of the kiosk: the office database (PostgreSQL or an embedded SQLite file), its schema
migrations, and the store-and-forward sync between it and the kiosks. The only package that talks to the
office database; it may use ``kiosk.data`` but never Qt widgets, and ``kiosk`` never imports it."""
