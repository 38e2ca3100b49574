import pytest

from tests.availability import require
from tools.gate import DEV, SCORER, SHARED

SHARED_MISSING = "../shared/corpus is absent (a user's fresh clone): the gold-labelled corpora live only beside the project"


@pytest.fixture(scope="session")
def shared_corpus():
    require(DEV.exists() and SCORER.exists(), SHARED_MISSING)
    return SHARED
