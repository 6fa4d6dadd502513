# SPDX-License-Identifier: Apache-2.0
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="session")
def header_text() -> str:
    return (ROOT / "include" / "ehrshare.h").read_text()


def header_functions(text: str):
    """Names of the functions include/ehrshare.h declares (EHR_API prototypes)."""
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    text = re.sub(r"EHR_NONNULL\([^)]*\)", "", text)
    return set(re.findall(r"EHR_API[^;(]*?\b(ehr_\w+)\s*\(", text))
