# SPDX-License-Identifier: Apache-2.0
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


HEADERS = ("ehrshare.h", "ehrshare_keys.h", "ehrshare_pre.h", "ehrshare_ledger.h")


@pytest.fixture(scope="session")
def header_texts() -> dict:
    """The four public headers (split by layer), by file name."""
    return {h: (ROOT / "include" / h).read_text() for h in HEADERS}


@pytest.fixture(scope="session")
def header_text(header_texts) -> str:
    return "\n".join(header_texts.values())


def header_functions(text: str):
    """Names of the functions include/ehrshare.h declares (EHR_API prototypes)."""
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    text = re.sub(r"EHR_NONNULL\([^)]*\)", "", text)
    return set(re.findall(r"EHR_API[^;(]*?\b(ehr_\w+)\s*\(", text))
