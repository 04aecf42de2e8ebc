"""Evaluation of each layer on held-out data from LAGEBILD_DATA (``lagebild evaluate …``)."""
