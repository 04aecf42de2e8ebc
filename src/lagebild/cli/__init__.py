"""The ``lagebild`` command line (click)."""
