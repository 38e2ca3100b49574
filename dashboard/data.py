"""The dashboard's only cache layer: each corpus is loaded once per path (or once for the demo),
and its corrections by hand are applied once per version of its corrections file.

Where the corpus comes from, in order: an upload made in this session, ``--corpus PATH``
after ``--`` on the command line (``streamlit run dashboard/app.py -- --corpus data/``),
the ``TTDN_CORPUS`` environment variable, else the built-in demo corpus.

Corrections live beside the corpus (``loaders.corrections.corpus_store``): the raw extraction is
cached per path, the corrected corpus per (path, corrections file version), so saving a
correction re-applies corrections and regroups meetings without parsing a file again.
"""
from __future__ import annotations

import os
import sys
import threading

import streamlit as st

from loaders import corrections
from loaders.grouping import assign_meeting_ids
from loaders.schema import Corpus

from . import i18n, queries, search, snapshot_files, upload_store
from .components import filter_bar, upload
from .queries import articles, delegations, partners, prepared, review, term_store, terms, themes
from .settings import setting


def corpus_path_from_argv(argv: list[str]) -> str | None:
    """``--corpus PATH`` (or ``--corpus=PATH``) from the script arguments, if given."""
    for i, arg in enumerate(argv):
        if arg == "--corpus" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--corpus="):
            return arg.split("=", 1)[1]
    return None


def configured_path() -> str | None:
    return corpus_path_from_argv(sys.argv[1:]) or os.environ.get("TTDN_CORPUS") or None


# One load at a time in this process: sessions share it, and the loader builds some models
# lazily on first use (underthesea's word segmenter) in a way two threads can race on; two
# uploads loaded at once then lost records ("'NoneType' object has no attribute 'process'").
_LOADER_LOCK = threading.Lock()


def _load_serially(path: str, **kwargs) -> Corpus:
    from loaders import load_corpus as _load
    with _LOADER_LOCK:
        return _load(path, **kwargs)


@st.cache_resource(show_spinner="Đang đọc kho bài viết… / Loading the corpus…")
def load_corpus(path: str) -> Corpus:
    """The raw extraction of ``path``: corrections are applied on top (``with_corrections``)."""
    return prepare(_load_serially(path, corrections=False))


@st.cache_resource(show_spinner="Đang đọc dữ liệu tải lên… / Loading the upload…",
                   max_entries=setting("uploads_in_memory"))
def load_upload(folder: str) -> Corpus:
    """An uploaded corpus: cached apart from the configured one, and only the most recent few,
    so many users' uploads cannot fill the server's memory. Its parse cache stays beside its
    files in the data folder (deleted with them), never in the shared cache."""
    return prepare(_load_serially(folder, cache_dir=str(upload_store.cache_dir_of(folder)), corrections=False))


@st.cache_resource(show_spinner=False, max_entries=8)
def _corrected(path: str, version: str, _base: Corpus, _store: corrections.Store) -> Corpus:
    corrected = with_corrections(_base, _store)
    if corrected is not _base:  # its fields changed: what the filters read is derived again
        _derive(corrected, snapshot_files.beside(corrected))
    return corrected


def prepare(corpus: Corpus) -> Corpus:
    """What every page reads, derived once per loaded corpus and kept on it: the folded text
    search (``search.attach``: stored beside the corpus's snapshot, if it has one, and mapped
    from there on later loads) and ``_derive``'s tables."""
    beside = snapshot_files.beside(corpus)
    search.attach(corpus, beside)
    _derive(corpus, beside)
    return corpus


def _derive(corpus: Corpus, beside: snapshot_files.Beside | None) -> None:
    """The filters' columns and options, the term counts' arrays (kept beside the corpus's
    snapshot, if it has one: ``queries.term_store``) and the figures' countries, kept on
    ``corpus`` (``queries.prepared``) so no page's first render pays for them."""
    prepared.attach(corpus)
    queries.filter_options(corpus)
    if beside is not None:  # the matrix stored beside the snapshot, mapped (built and stored once)
        term_store.attach(corpus, beside)
    queries.term_matrix(corpus)
    terms.term_keys(corpus)
    corpus.release_terms()  # the pages count terms from the matrix; an export reads the table again
    queries.number_countries(corpus)
    # what the Articles, Themes, Delegations and Review pages' first renders would otherwise build
    queries.article_labels(corpus)
    articles.articles_order(corpus)
    themes.corpus_theme_pairs(corpus)
    themes.meeting_codes(corpus)
    review.corpus_settled(corpus)
    review.low_evidence(corpus)
    partners.figure_countries(corpus)
    partners.country_pairs(corpus)
    delegations.all_number_evidence(corpus)


def with_corrections(base: Corpus, store: corrections.Store | None) -> Corpus:
    """``base`` with the store's corrections applied (meetings regrouped); ``base`` itself when there are none."""
    fixes = store.load() if store is not None else None
    if not fixes or not fixes.active():
        return base
    out = corrections.apply_corrections(base, fixes, group=assign_meeting_ids)
    out.demo = base.demo
    search.carry(base, out)  # corrections change fields, never the text the index folded
    return out


# The demo corpus, built once per process. Not st.cache_resource: its first build draws a
# progress bar, and cache_resource would replay those bar updates on every later hit.
_DEMO: dict[str, Corpus] = {}
_DEMO_LOCK = threading.Lock()


def demo_corpus() -> Corpus:
    """The built-in demo corpus; the first call builds it (30-60 s) under a progress bar."""
    if not _DEMO_LOCK.acquire(blocking=False):  # another session is building it: wait for that one
        with st.spinner(i18n.t("demo.waiting", filter_bar.current_lang())):
            _DEMO_LOCK.acquire()
    try:
        if "corpus" not in _DEMO:
            _DEMO["corpus"] = _build_demo()
        return _DEMO["corpus"]
    finally:
        _DEMO_LOCK.release()


def _build_demo() -> Corpus:
    # imported here: only a session without a configured corpus pays for the demo generator
    from tools.demo import write_demo_jsonl
    lang = filter_bar.current_lang()  # the filter bar is not drawn yet: its key, else the URL
    bar = st.progress(0.0, text=i18n.t("demo.preparing", lang))
    path = write_demo_jsonl()
    _DEMO["path"] = str(path)
    with open(path, encoding="utf-8") as fh:
        total = max(1, sum(1 for line in fh if line.strip()))
    done = 0

    def advance(n: int) -> None:
        nonlocal done
        done += n
        bar.progress(min(done / total, 1.0), text=i18n.t("demo.building", lang, done=i18n.fmt_int(done, lang),
                                                            total=i18n.fmt_int(total, lang)))

    # cached extraction: later starts re-do no record; corrections go on top (current_corpus)
    corpus = _load_serially(path, progress=advance, corrections=False)
    corpus.demo = True
    prepare(corpus)
    bar.empty()
    return corpus


def _base_corpus() -> tuple[Corpus, str | None]:
    """The raw corpus this session looks at and its path (see the module docstring for the order)."""
    uploaded = upload.uploaded_path()
    if uploaded:
        return load_upload(uploaded), uploaded
    path = configured_path()
    if path:
        return load_corpus(path), path
    base = demo_corpus()
    return base, _DEMO.get("path")


def current_corpus() -> Corpus:
    """The corpus this session looks at, with its corrections by hand applied."""
    base, path = _base_corpus()
    if path is None:
        return base
    store = corrections.corpus_store(path)
    return _corrected(str(path), store.digest(), base, store)


def current_store() -> corrections.Store | None:
    """Where this session's corpus keeps its corrections (None before the demo corpus is built)."""
    _, path = _base_corpus()
    return corrections.corpus_store(path) if path else None


def corrections_state() -> tuple[corrections.CorrectionSet, corrections.Outcome]:
    """The corrections file of this session's corpus and what became of each correction."""
    store = current_store()
    if store is None:
        return corrections.CorrectionSet(), corrections.Outcome()
    return _state(str(store.path), store.digest(), store, current_corpus())


@st.cache_resource(show_spinner=False, max_entries=8)
def _state(path: str, version: str, _store: corrections.Store, _corpus: Corpus):
    fixes = _store.load()
    return fixes, corrections.outcome(_corpus, fixes)


def current_source() -> str:
    """Where the corpus comes from, for the page footer: a path, "upload" or "demo"."""
    if upload.uploaded_path():
        return "upload"
    return configured_path() or "demo"
