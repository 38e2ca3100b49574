"""Raw Vietnamese news articles in, a typed, evidence-backed meeting table out.

    >>> from loaders import load_corpus
    >>> corpus = load_corpus("../shared/corpus/seeds")
    >>> corpus.articles[["doc_id", "province", "meeting_date", "meeting_type"]]
"""
from .schema import Corpus

__all__ = ["Corpus", "load_corpus"]


def load_corpus(path, cache_dir=None, workers=None, progress=False, corrections=None) -> Corpus:
    """Read a folder, file or zip of articles into a ``Corpus`` (see ``loaders.pipeline``).

    ``corrections``: None applies the corpus's corrections file, False shows the raw extraction.
    Imported on first call: ``import loaders.schema`` (what the dashboard needs at start-up)
    must not compile every extractor's patterns.
    """
    from .pipeline import load_corpus as _load

    return _load(path, cache_dir=cache_dir, workers=workers, progress=progress, corrections=corrections)
