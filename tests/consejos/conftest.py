import pytest


@pytest.fixture(autouse=True)
def _media_temporal(settings, tmp_path):
    # Published actas (PDF), evidence and scans are written to disk: keep them out of the project's media.
    settings.MEDIA_ROOT = tmp_path / "media"
