"""Training of the shipped spaCy pipelines (``lagebild train pipeline de|en``)."""
