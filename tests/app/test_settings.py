"""Preferences: defaults, validation, a damaged file falls back with a notice, atomic saves."""

from __future__ import annotations

import json

import pytest

from app.settings import Settings, load_settings, save_settings, settings_path, with_recent


def test_defaults_when_there_is_no_file(tmp_path):
    settings, notices = load_settings(tmp_path / "settings.json")
    assert settings == Settings()
    assert notices == []
    assert (settings.language, settings.footnote_regime, settings.autosave_seconds) == ("en", "legacy", 30)


def test_round_trip(tmp_path):
    path = tmp_path / "deep" / "settings.json"
    chosen = Settings(
        language="ar",
        footnote_regime="current",
        un_spelling=False,
        delegation="Mexico",
        autosave_seconds=60,
        recent_files=("a.penholder", "b.docx"),
    )
    save_settings(chosen, path)
    loaded, notices = load_settings(path)
    assert loaded == chosen
    assert notices == []
    assert loaded.right_to_left


@pytest.mark.parametrize(
    ("content", "expected_notice"),
    [
        ("{not json", "could not be read"),
        ("[1, 2]", "not a settings object"),
        (b"\xff\xfe\x00".decode("latin-1"), "could not be read"),
    ],
)
def test_damaged_file_falls_back_to_defaults(tmp_path, content, expected_notice):
    path = tmp_path / "settings.json"
    path.write_text(content, encoding="utf-8")
    settings, notices = load_settings(path)
    assert settings == Settings()
    assert expected_notice in notices[0]


def test_invalid_values_fall_back_one_by_one(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps(
            {
                "language": "de",
                "autosave_seconds": 1,
                "un_spelling": "yes",
                "delegation": "  European Union ",
                "footnote_regime": "current",
                "recent_files": "x",
                "unknown": 5,
            }
        ),
        encoding="utf-8",
    )
    settings, notices = load_settings(path)
    assert settings.language == "en"
    assert settings.autosave_seconds == 30
    assert settings.un_spelling is True
    assert settings.recent_files == ()
    assert settings.delegation == "European Union"
    assert settings.footnote_regime == "current"
    assert len(notices) == 4
    assert any("'de' is not one of en, fr, es, ru, zh, ar" in n for n in notices)


def test_recent_files_most_recent_first_without_duplicates():
    settings = Settings(recent_files=tuple(f"{i}.penholder" for i in range(10)))
    updated = with_recent(settings, "5.penholder")
    assert updated.recent_files[0] == "5.penholder"
    assert len(updated.recent_files) == 10
    assert updated.recent_files.count("5.penholder") == 1
    assert len(with_recent(updated, "new.docx").recent_files) == 10


def test_settings_live_in_the_user_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("PENHOLDER_DATA_DIR", str(tmp_path))
    assert settings_path() == tmp_path / "settings.json"
